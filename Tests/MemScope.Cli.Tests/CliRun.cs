using System.Collections.Generic;
using System.IO;
using MemScopeCli;
using MemScopeTestShared;

namespace MemScope.Cli.Tests;

/// <summary>The output of one memscope invocation.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs memscope in-process with captured output, or as the real process when the process boundary is the point.</summary>
public static class CliRun
{
    public static CliResult InProcess(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = CliApplication.Run(args, CliConsole.Captured(output, error));
        return new CliResult(exitCode, output.ToString().Replace("\r\n", "\n"), error.ToString().Replace("\r\n", "\n"));
    }

    /// <summary>
    /// Runs in-process on a console made as the process makes its own, from a terminal flag and environment
    /// variables; a terminal is a true-colour one, 160 columns wide.
    /// </summary>
    public static CliResult InConsole(bool terminal, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = CliConsole.Create(output, error, terminal, name => environment.GetValueOrDefault(name),
            Spectre.Console.ColorSystemSupport.TrueColor, Spectre.Console.AnsiSupport.Yes);
        if (terminal)
            console.Ansi.Profile.Width = 160; // a wide terminal window
        int exitCode = CliApplication.Run(args, console);
        return new CliResult(exitCode, output.ToString().Replace("\r\n", "\n"), error.ToString().Replace("\r\n", "\n"));
    }

    public static CliResult AsProcess(string workingDirectory, params string[] args)
    {
        string dll = Path.Combine(TestEnvironment.RepositoryRoot, "MemScope.Cli", "bin", TestEnvironment.Configuration, "net10.0", "MemScope.Cli.dll");
        string arguments = $"\"{dll}\" " + string.Join(" ", System.Array.ConvertAll(args, a => $"\"{a}\""));
        var (exitCode, output, error) = TestEnvironment.Run("dotnet", arguments, workingDirectory, timeoutMs: 60_000);
        return new CliResult(exitCode, output, error.Replace("\r\n", "\n"));
    }
}
