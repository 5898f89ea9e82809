using System;
using System.IO;
using Spectre.Console;

namespace MemScopeCli;

/// <summary>
/// Where a command writes: plain text writers for results and errors, and a Spectre console for tables on the
/// same output. Tests pass captured writers; the process passes the real console.
/// </summary>
internal sealed class CliConsole
{
    /// <summary>Width of tables when the output is not a terminal: wide enough that file:line columns rarely wrap in logs.</summary>
    private const int RedirectedWidth = 160;

    private CliConsole(TextWriter output, TextWriter error, bool isTerminal, IAnsiConsole ansi)
    {
        Out = output;
        Error = error;
        IsTerminal = isTerminal;
        Ansi = ansi;
    }

    public TextWriter Out { get; }
    public TextWriter Error { get; }

    /// <summary>True when stdout is an interactive terminal: only then is a progress spinner worth drawing.</summary>
    public bool IsTerminal { get; }

    public IAnsiConsole Ansi { get; }

    /// <summary>One line of the result on stdout; text from a trace or the user is escaped (<see cref="TerminalText"/>).</summary>
    public void Line(string text) => Out.WriteLine(TerminalText.Escape(text));

    /// <summary>One line on stderr, escaped the same way.</summary>
    public void ErrorLine(string text) => Error.WriteLine(TerminalText.Escape(text));

    public static CliConsole ForProcess()
    {
        bool terminal = !Console.IsOutputRedirected;
        var ansi = terminal ? AnsiConsole.Console : Plain(Console.Out);
        return new CliConsole(Console.Out, Console.Error, terminal, ansi);
    }

    public static CliConsole Captured(TextWriter output, TextWriter error) => new(output, error, isTerminal: false, Plain(output));

    /// <summary>No colours, no escape codes, no cursor movement: output that logs and tests can read as text.</summary>
    private static IAnsiConsole Plain(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = RedirectedWidth;
        return console;
    }
}
