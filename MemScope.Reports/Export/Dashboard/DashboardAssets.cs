using System;
using System.IO;
using System.Reflection;
using System.Text;

namespace MemScopeReports.Export.Dashboard;

/// <summary>
/// The hand-written front end: dashboard.css, dashboard-body.html and dashboard.js next to this file, embedded in
/// the assembly as resources, so the page needs no build step, no npm and no file beside it. Line ends are
/// normalized so a CRLF checkout produces the same page and the same script hash.
/// </summary>
internal static class DashboardAssets
{
    public const string StyleResource = "MemScope.Dashboard.dashboard.css";
    public const string BodyResource = "MemScope.Dashboard.dashboard-body.html";
    public const string ScriptResource = "MemScope.Dashboard.dashboard.js";

    public static string Style { get; } = Inline(Read(StyleResource), "</style");
    public static string Body { get; } = Read(BodyResource);
    public static string Script { get; } = Inline(Read(ScriptResource), "</script");

    private static string Read(string name)
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The dashboard resource {name} is missing from {typeof(DashboardAssets).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }

    /// <summary>Text written inside an element must not close it early: a file edited carelessly fails here, not in a browser.</summary>
    private static string Inline(string text, string closingTag)
    {
        if (text.Contains(closingTag, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"A dashboard asset contains '{closingTag}', which would end its element early.");
        return text;
    }
}
