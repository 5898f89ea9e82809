using System.Linq;
using Spectre.Console;

namespace MemScopeCli;

/// <summary>
/// Spectre tables whose cells are plain text: type names like List&lt;int&gt; and paths with [brackets] would
/// otherwise be read as markup, so every cell is escaped here and nowhere else.
/// </summary>
internal static class Tables
{
    public static Table Create(string title, params string[] columns)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(title)) };
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
        table.AddRow(cells.Select(c => new Markup(Markup.Escape(c))).ToArray());
}
