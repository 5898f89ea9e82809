using System;
using System.Globalization;
using System.IO;
using Spectre.Console;

namespace MemScopeCli;

/// <summary>
/// Where a command writes: plain text writers for results and errors, and a Spectre console for tables on the
/// same output. Tests pass captured writers; the process passes the real console.
/// </summary>
/// <remarks>
/// On a terminal, tables take the terminal's width and severities their colours, unless NO_COLOR is set (to
/// anything but empty: https://no-color.org). Into a pipe or a file, output is plain text — no colour, no escape
/// codes — as wide as COLUMNS says, or <see cref="RedirectedWidth"/> when it says nothing usable.
/// </remarks>
internal sealed class CliConsole
{
    /// <summary>Width of tables when the output is not a terminal and COLUMNS is unset: wide enough that file:line columns rarely wrap in logs.</summary>
    public const int RedirectedWidth = 160;

    /// <summary>Narrower than this a table cannot show its columns; a smaller COLUMNS is taken as this.</summary>
    private const int MinimumWidth = 40;

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

    public static CliConsole ForProcess() =>
        Create(Console.Out, Console.Error, isTerminal: !Console.IsOutputRedirected, Environment.GetEnvironmentVariable, ColorSystemSupport.Detect, AnsiSupport.Detect);

    public static CliConsole Captured(TextWriter output, TextWriter error) => Create(output, error, isTerminal: false, _ => null, ColorSystemSupport.NoColors, AnsiSupport.No);

    /// <param name="environment">Reads NO_COLOR and COLUMNS.</param>
    /// <param name="terminalColors">The colours of a terminal: detected for the process, fixed in tests.</param>
    /// <param name="terminalAnsi">Whether the terminal takes escape codes: detected for the process, fixed in tests.</param>
    public static CliConsole Create(TextWriter output, TextWriter error, bool isTerminal, Func<string, string?> environment, ColorSystemSupport terminalColors, AnsiSupport terminalAnsi)
    {
        if (!isTerminal)
            return new CliConsole(output, error, isTerminal, Plain(output, Columns(environment("COLUMNS")) ?? RedirectedWidth));

        bool noColor = !string.IsNullOrEmpty(environment("NO_COLOR"));
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminalAnsi,
            ColorSystem = noColor ? ColorSystemSupport.NoColors : terminalColors,
            Out = new AnsiConsoleOutput(output),
        });
        return new CliConsole(output, error, isTerminal, ansi);
    }

    /// <summary>COLUMNS as a width, or null when it is unset or not a positive number.</summary>
    private static int? Columns(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int columns) && columns > 0 ? Math.Max(columns, MinimumWidth) : null;

    /// <summary>No colours, no escape codes, no cursor movement: output that logs and tests can read as text.</summary>
    private static IAnsiConsole Plain(TextWriter output, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        return console;
    }
}
