using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.IO;
using System.Linq;
using MemScopeCli.Commands;
using MemScopeTrace.Format;

namespace MemScopeCli;

/// <summary>
/// The memscope root command and the one place errors become exit code 2. Verbs let exceptions about their input
/// travel up to here, so each failure is reported once, as one line, and never as a stack trace.
/// </summary>
internal static class CliApplication
{
    public static RootCommand CreateRoot(CliConsole console)
    {
        var root = new RootCommand("MemScope: reports, summaries, a CI gate and diffs from .mscope traces written by MemScope.Export.")
        {
            ReportCommand.Create(console),
            SummaryCommand.Create(console),
            CheckCommand.Create(console),
            DiffCommand.Create(console),
            HtmlCommand.Create(console),
            ObjectsCommand.Create(console),
        };
        // Explicit, so help reads "memscope" in-process too (the default comes from the entry assembly's metadata).
        root.HelpName = "memscope";
        return root;
    }

    public static int Run(string[] args, CliConsole console)
    {
        try
        {
            var parse = CreateRoot(console).Parse(args);
            // Usage errors are "could not look" (2), not "found something" (1), which is System.CommandLine's default code.
            if (parse.Action is ParseErrorAction)
                return Fail(console, string.Join(" ", parse.Errors.Select(e => e.Message)) + " (see memscope --help)");

            return parse.Invoke(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                // Its handler prints the stack trace; ours below prints one line.
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (TraceFormatException e)
        {
            return Fail(console, e.Message);
        }
        catch (CliException e)
        {
            return Fail(console, e.Message);
        }
        catch (IOException e)
        {
            return Fail(console, e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail(console, e.Message);
        }
        catch (Exception e)
        {
            // A fault of the tool itself, not of its input. Still one line: a stack trace in a CI log buries the
            // answer, and would print names from the trace unescaped. MEMSCOPE_DEBUG=1 adds where it happened.
            if (Environment.GetEnvironmentVariable("MEMSCOPE_DEBUG") == "1")
            {
                foreach (var line in e.ToString().Split('\n'))
                    console.ErrorLine(line.TrimEnd('\r'));
            }
            return Fail(console, $"internal error ({e.GetType().Name}: {e.Message}); please report it with the trace (MEMSCOPE_DEBUG=1 shows where it happened).");
        }
    }

    private static int Fail(CliConsole console, string message)
    {
        // One line even when a message from the OS spans several: CI logs and tests read it as a single error.
        console.ErrorLine("memscope: " + message.ReplaceLineEndings(" ").Trim());
        return ExitCodes.Error;
    }
}
