using System.Linq;
using Spectre.Console;

namespace MemScopeCli;

/// <summary>
/// Spectre tables whose cells are plain text: type names like List&lt;int&gt; and paths with [brackets] would
/// otherwise be read as markup, and names from a trace may hold terminal controls, so every title and cell is
/// escaped here (<see cref="TerminalText"/>, then markup) and nowhere else.
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

    public static void Row(Table table, params string[] cells) =>
        table.AddRow(cells.Select(c => new Markup(Markup.Escape(TerminalText.Escape(c)))).ToArray());

    /// <summary>A line of plain text above or between tables, escaped like a cell.</summary>
    public static void Line(IAnsiConsole output, string text) => output.WriteLine(TerminalText.Escape(text));
}
