using System.Linq;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MemScopeCli;

/// <summary>A table cell: plain text, optionally in a style (a severity's colour).</summary>
internal readonly record struct Cell(string Text, Style? Style = null)
{
    public static implicit operator Cell(string text) => new(text);
}

/// <summary>
/// Spectre tables whose cells are plain text: cells are Spectre Text, never markup, so type names like
/// List&lt;int&gt; and paths with [brackets] print as they are; names from a trace may hold terminal controls, so
/// every title and cell is escaped here (<see cref="TerminalText"/>) and nowhere else.
/// </summary>
internal static class Tables
{
    public static Table Create(string title, params string[] columns)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(TerminalText.Escape(title))) };
        table.Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            // A leading '>' marks a numeric column: right-aligned so digits line up. A leading '!' marks an
            // identifier (file:line, a kind): never wrapped, so it stays one clickable, greppable string; other columns give way.
            bool numeric = column.StartsWith('>');
            bool location = column.StartsWith('!');
            var header = new TableColumn(Markup.Escape(numeric || location ? column[1..] : column)) { NoWrap = location };
            table.AddColumn(numeric ? header.RightAligned() : header);
        }
        return table;
    }

    public static void Row(Table table, params string[] cells) => Row(table, cells.Select(c => new Cell(c)).ToArray());

    public static void Row(Table table, params Cell[] cells) =>
        table.AddRow(cells.Select(c => (IRenderable)new Spectre.Console.Text(TerminalText.Escape(c.Text), c.Style ?? Style.Plain)).ToArray());

    /// <summary>A line of plain text above or between tables, escaped like a cell, in a style when given.</summary>
    public static void Line(IAnsiConsole output, string text, Style? style = null) =>
        output.Write(new Spectre.Console.Text(TerminalText.Escape(text) + "\n", style ?? Style.Plain));
}
