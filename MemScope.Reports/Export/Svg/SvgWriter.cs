using System;
using System.Globalization;
using System.IO;
using System.Text;
using MemScopeTrace.Format;

namespace MemScopeReports.Export.Svg;

/// <summary>
/// Builds one SVG 1.1 document as text and writes it to disk. It owns the two rules every chart must
/// keep, so no chart can forget them: every string is XML-escaped (type names contain &lt; &gt; and &amp;)
/// and every number is written culture-invariantly (a German locale must not turn 1.5 into 1,5).
/// </summary>
internal sealed class SvgWriter
{
    public const string SansFont = "'Segoe UI', Helvetica, Arial, sans-serif";
    public const string MonoFont = "Consolas, Menlo, 'DejaVu Sans Mono', monospace";

    // A chart of a million events is a few thousand elements; starting large avoids regrowing.
    private readonly StringBuilder _text = new(1 << 16);
    private int _openGroups;

    public SvgWriter(double width, double height, string title, string description)
    {
        Width = width;
        Height = height;
        _text.Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
        _text.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
        Attribute("width", width);
        Attribute("height", height);
        Attribute("viewBox", "0 0 " + Num(width) + " " + Num(height));
        Attribute("font-family", SansFont);
        Attribute("font-size", 12);
        _text.Append(">\n<title>");
        AppendEscaped(_text, title);
        _text.Append("</title>\n<desc>");
        AppendEscaped(_text, description);
        _text.Append("</desc>\n");
        Rect(0, 0, width, height, "#ffffff");
    }

    public double Width { get; }
    public double Height { get; }

    public void Rect(double x, double y, double width, double height, string fill, string? cssClass = null, string? tooltip = null, string? stroke = null, double opacity = 1)
    {
        _text.Append("<rect");
        Attribute("x", x);
        Attribute("y", y);
        Attribute("width", Math.Max(0, width));
        Attribute("height", Math.Max(0, height));
        Attribute("fill", fill);
        if (stroke is not null)
            Attribute("stroke", stroke);
        if (opacity < 1)
            Attribute("fill-opacity", opacity);
        Close("rect", cssClass, tooltip);
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double strokeWidth = 1, string? dash = null, string? cssClass = null, string? tooltip = null)
    {
        _text.Append("<line");
        Attribute("x1", x1);
        Attribute("y1", y1);
        Attribute("x2", x2);
        Attribute("y2", y2);
        Attribute("stroke", stroke);
        Attribute("stroke-width", strokeWidth);
        if (dash is not null)
            Attribute("stroke-dasharray", dash);
        Close("line", cssClass, tooltip);
    }

    public void Path(string data, string stroke, string fill, double strokeWidth = 1.5, string? dash = null, double fillOpacity = 1, string? cssClass = null, string? tooltip = null)
    {
        _text.Append("<path");
        Attribute("d", data);
        Attribute("stroke", stroke);
        Attribute("fill", fill);
        if (stroke != "none")
        {
            Attribute("stroke-width", strokeWidth);
            Attribute("stroke-linejoin", "round");
        }
        if (dash is not null)
            Attribute("stroke-dasharray", dash);
        if (fillOpacity < 1)
            Attribute("fill-opacity", fillOpacity);
        Close("path", cssClass, tooltip);
    }

    /// <summary>A text; <paramref name="rotate"/> turns it to read bottom-up (a y-axis title).</summary>
    public void Text(double x, double y, string text, double size = 12, string anchor = "start", bool bold = false, string fill = Palette.Ink, bool mono = false, string? cssClass = null, string? tooltip = null, bool rotate = false)
    {
        _text.Append("<text");
        Attribute("x", x);
        Attribute("y", y);
        Attribute("font-size", size);
        if (anchor != "start")
            Attribute("text-anchor", anchor);
        if (bold)
            Attribute("font-weight", "bold");
        if (mono)
            Attribute("font-family", MonoFont);
        Attribute("fill", fill);
        if (rotate)
            Attribute("transform", "rotate(-90 " + Num(x) + " " + Num(y) + ")");
        if (cssClass is not null)
            Attribute("class", cssClass);
        _text.Append('>');
        // SVG 1.1 allows a title as the first child of text: the tooltip that shows a truncated name in full.
        if (tooltip is not null)
            AppendTitle(tooltip);
        AppendEscaped(_text, text);
        _text.Append("</text>\n");
    }

    public void BeginGroup(string? cssClass = null, string? tooltip = null)
    {
        _text.Append("<g");
        if (cssClass is not null)
            Attribute("class", cssClass);
        _text.Append(">\n");
        if (tooltip is not null)
            AppendTitle(tooltip);
        _openGroups++;
    }

    public void EndGroup()
    {
        if (_openGroups == 0)
            throw new InvalidOperationException("EndGroup without BeginGroup.");
        _openGroups--;
        _text.Append("</g>\n");
    }

    /// <summary>The finished document (closes what is open).</summary>
    public override string ToString()
    {
        var copy = new StringBuilder(_text.Length + 16).Append(_text);
        for (int i = 0; i < _openGroups; i++)
            copy.Append("</g>\n");
        return copy.Append("</svg>\n").ToString();
    }

    /// <summary>Writes the document through <see cref="AtomicFile"/>: a failed export never leaves a half-written chart behind.</summary>
    public string Save(string path) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            writer.Write(ToString());
        });

    /// <summary>A coordinate or size: invariant, at most two decimals (a hundredth of a pixel is finer than any screen).</summary>
    public static string Num(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
            return "0";
        double rounded = Math.Round(value, 2);
        return rounded == 0 ? "0" : rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        AppendEscaped(builder, text);
        return builder.ToString();
    }

    /// <summary>
    /// Escapes markup characters and replaces characters XML cannot hold at all (control characters, lone
    /// surrogates) with U+FFFD, so any string from the program yields a document that parses.
    /// </summary>
    public static void AppendEscaped(StringBuilder builder, string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&apos;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || char.IsSurrogate(c) || c == '\uFFFE' || c == '\uFFFF')
                    {
                        builder.Append('\uFFFD');
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
    }

    private void AppendTitle(string tooltip)
    {
        _text.Append("<title>");
        AppendEscaped(_text, tooltip);
        _text.Append("</title>");
    }

    private void Close(string element, string? cssClass, string? tooltip)
    {
        if (cssClass is not null)
            Attribute("class", cssClass);
        if (tooltip is null)
        {
            _text.Append("/>\n");
            return;
        }
        _text.Append('>');
        AppendTitle(tooltip);
        _text.Append("</").Append(element).Append(">\n");
    }

    private void Attribute(string name, double value) => _text.Append(' ').Append(name).Append("=\"").Append(Num(value)).Append('"');

    private void Attribute(string name, string value)
    {
        _text.Append(' ').Append(name).Append("=\"");
        AppendEscaped(_text, value);
        _text.Append('"');
    }
}
