using System.Globalization;
using System.Text;

namespace MemScopeCli;

/// <summary>
/// The one escaping step between text the tool did not write itself (file paths, type, method and variable names
/// from a trace; paths from the command line; messages of the OS) and a terminal or log. A trace is a file anyone
/// can hand over, and a terminal acts on what it is sent: ESC starts sequences that retitle or clear the window or
/// rewrite what was printed above, CR moves back over a line, BEL rings, a newline fakes another line of a CI log,
/// and bidirectional overrides show text in another order than it is. Each such character is printed as a visible
/// escape instead (<c>\x1B</c>, <c>\r</c>, <c>\u202E</c>); everything else, including non-ASCII names, is kept.
/// </summary>
internal static class TerminalText
{
    public static string Escape(string? text)
    {
        if (text is null)
            return "";
        int first = 0;
        while (first < text.Length && !Acts(text[first]))
            first++;
        if (first == text.Length)
            return text;

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (!Acts(c))
                escaped.Append(c);
            else if (c == '\n')
                escaped.Append("\\n");
            else if (c == '\r')
                escaped.Append("\\r");
            else if (c == '\t')
                escaped.Append("\\t");
            else if (c < 0x80)
                escaped.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else
                escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }
        return escaped.ToString();
    }

    /// <summary>
    /// C0 controls (newline and tab too: one value stays on one line and in one column), DEL, C1 controls (U+0085 is a
    /// newline to some terminals, U+009B a one-character CSI), the bidirectional embeddings, overrides and isolates,
    /// and line and paragraph separators.
    /// </summary>
    private static bool Acts(char c) =>
        c < 0x20 || c is >= '\u007F' and <= '\u009F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u2028' or '\u2029';
}
