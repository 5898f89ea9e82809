using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using MemScopeCli.Analysis;

namespace MemScopeCli.Html;

/// <summary>
/// The one-page HTML report of a trace: overview cards, diagnosis, leaks, violations, top types and sites.
/// Self-contained and offline — inline CSS, no script, no external request (a Content-Security-Policy forbids
/// any) — so it can be attached to a CI run or mailed. Every string from the trace goes through
/// <see cref="Encode"/>: type names like List&lt;int&gt; and source paths are data, never markup.
/// The interactive dashboard will replace this class; <see cref="HtmlCommand"/> and the report verb only call
/// <see cref="Write"/>.
/// </summary>
internal static class HtmlReportPage
{
    /// <summary>The file name the page gets in a report folder.</summary>
    public static string FileName(string name) => name + "_report.html";

    public static string Write(TraceAnalysis analysis, string path, int top = 20)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
            Directory.CreateDirectory(directory);
        File.WriteAllText(path, Render(analysis, top), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    public static string Render(TraceAnalysis analysis, int top = 20)
    {
        var t = analysis.Totals;
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>MemScope report: ").Append(Encode(analysis.Name)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>MemScope report: ").Append(Encode(analysis.Name)).Append("</h1>\n")
            .Append("<p class=\"source\">").Append(Encode(analysis.Path)).Append(" · started ")
            .Append(Encode(analysis.Recording.StartedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture)))
            .Append("</p>\n");

        page.Append("<section class=\"cards\">\n");
        Card(page, "leaks", Text.Count(t.Leaks), Text.Bytes(t.LeakedBytes) + " bytes", t.Leaks > 0);
        Card(page, "violations", Text.Count(t.Violations), "misuses caught", t.Violations > 0);
        Card(page, "tracked objects", Text.Count(t.Objects), Text.Bytes(t.Bytes) + " bytes", false);
        Card(page, "live at the end", Text.Count(t.LiveObjects), Text.Bytes(t.LiveBytes) + " bytes", false);
        Card(page, "native blocks", Text.Count(t.NativeBlocks), Text.Bytes(t.NativeBytes) + " bytes", false);
        Card(page, "events", Text.Count(t.Events), Text.Count(t.DroppedEvents) + " dropped", t.DroppedEvents > 0);
        Card(page, "recorded span", Text.Milliseconds(t.DurationMs), Text.Count(t.Threads) + " threads", false);
        Card(page, "internal faults", Text.Count(t.InternalFaults), "of the recorder", t.InternalFaults > 0);
        page.Append("</section>\n");

        if (analysis.Patterns is { } patterns)
        {
            Table(page, $"Diagnosis ({patterns.Diagnosis.Count})", ["#", "severity", "finding", "evidence"],
                patterns.Diagnosis.Select(f => new[] { f.Rank.ToString(), f.Severity.ToString(), f.Message, string.Join("; ", f.Evidence) }));
        }

        var leaks = analysis.Lifecycle.Leaks.OrderByDescending(l => l.Size).ToList();
        Table(page, $"Leaks ({leaks.Count})", ["kind", "type", "variable", "bytes", "created at", "reason"],
            leaks.Select(l => new[] { l.Kind, l.TypeName, Text.Variable(l.Variable), Text.Bytes(l.Size), Text.Site(l.CreatedAt), l.Reason }));

        var violations = analysis.Lifecycle.Violations;
        Table(page, $"Violations ({violations.Count})", ["kind", "severity", "variable", "site", "related site", "message"],
            violations.Select(v => new[] { v.Kind, v.Severity, Text.Variable(v.Variable), Text.Site(v.Site), Text.Site(v.RelatedSite), v.Message }));

        var types = AllocationTotals.ByType(analysis.Lifecycle.Objects);
        Table(page, $"Top types by bytes ({System.Math.Min(top, types.Count)} of {types.Count})", ["type", "objects", "bytes", "live", "live bytes"],
            types.Take(top).Select(x => new[] { x.TypeName, Text.Count(x.Objects), Text.Bytes(x.Bytes), Text.Count(x.LiveObjects), Text.Bytes(x.LiveBytes) }));

        var sites = AllocationTotals.BySite(analysis.Lifecycle.Objects);
        Table(page, $"Top allocation sites by bytes ({System.Math.Min(top, sites.Count)} of {sites.Count})", ["site", "type", "objects", "bytes", "live", "live bytes"],
            sites.Take(top).Select(x => new[] { x.Site ?? Text.Unknown, x.TypeName, Text.Count(x.Objects), Text.Bytes(x.Bytes), Text.Count(x.LiveObjects), Text.Bytes(x.LiveBytes) }));

        page.Append("<footer>Generated by memscope html from ").Append(Encode(Path.GetFileName(analysis.Path))).Append(".</footer>\n</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>Escapes &lt; &gt; &amp; " and ' so text from the trace can never open a tag or leave an attribute.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static void Card(StringBuilder page, string label, string value, string detail, bool alert)
    {
        page.Append("<div class=\"card").Append(alert ? " alert" : "").Append("\"><div class=\"label\">").Append(Encode(label))
            .Append("</div><div class=\"value\">").Append(Encode(value)).Append("</div><div class=\"detail\">").Append(Encode(detail)).Append("</div></div>\n");
    }

    private static void Table(StringBuilder page, string title, string[] columns, IEnumerable<string[]> rows)
    {
        page.Append("<section>\n<h2>").Append(Encode(title)).Append("</h2>\n");
        var list = rows.ToList();
        if (list.Count == 0)
        {
            page.Append("<p class=\"none\">None.</p>\n</section>\n");
            return;
        }
        page.Append("<table>\n<thead><tr>");
        foreach (var column in columns)
            page.Append("<th>").Append(Encode(column)).Append("</th>");
        page.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in list)
        {
            page.Append("<tr>");
            foreach (var cell in row)
                page.Append("<td>").Append(Encode(cell)).Append("</td>");
            page.Append("</tr>\n");
        }
        page.Append("</tbody>\n</table>\n</section>\n");
    }

    private const string Style = """
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem; color: #1d2330; background: #f7f8fa; }
        h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; }
        .source, footer { color: #5b6475; font-size: .85rem; }
        footer { margin-top: 2rem; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .75rem; margin-top: 1.25rem; }
        .card { background: #fff; border: 1px solid #dde1e8; border-radius: 8px; padding: .75rem 1rem; }
        .card.alert { border-color: #d93b3b; background: #fff4f4; }
        .label { color: #5b6475; font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; }
        .value { font-size: 1.5rem; font-weight: 600; }
        .detail { color: #5b6475; font-size: .85rem; }
        table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid #dde1e8; }
        th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #eceff3; vertical-align: top; }
        th { background: #eef1f5; font-weight: 600; }
        td { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; font-size: .85rem; word-break: break-word; }
        .none { color: #2e7d32; }

        """;
}
