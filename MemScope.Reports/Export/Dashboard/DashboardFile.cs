using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MemScopeReports.Analysis;
using MemScopeReports.Analysis.Patterns;
using MemScopeTrace.Format;
using MemScopeTrace.Model;

namespace MemScopeReports.Export.Dashboard;

/// <summary>
/// dashboard.html: one offline file with inline CSS, JS and data. The exporter and `memscope html` both call
/// <see cref="Write(Recording, LifecycleReport, PatternReport?, string, string, EditorLink?)"/>, so the same recording gives the same bytes (nothing time- or machine-dependent is embedded).
/// </summary>
public static class DashboardFile
{
    public const string FileName = "dashboard.html";

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = false,
        // The default encoder escapes '<', '>', '&' and quotes, so "</script>" in a type name can never close the data block.
        Encoder = JavaScriptEncoder.Default,
        // Tens of millions of values at a million objects: the structure is ours, checked by the browser tests that parse it.
        SkipValidation = true,
    };

    /// <summary>Writes the page atomically. <c>editor</c>: how source locations link to an editor; null reads <c>MEMSCOPE_EDITOR</c> (<see cref="EditorLink.FromEnvironment"/>).</summary>
    public static string Write(Recording recording, LifecycleReport report, PatternReport? patterns, string name, string path, EditorLink? editor = null) =>
        Write(recording, report, () => patterns, name, path, beforeMove: null, editor);

    /// <summary>
    /// As <see cref="Write(Recording, LifecycleReport, PatternReport?, string, string, EditorLink?)"/>, with the patterns
    /// asked for only when the page's diagnosis is written, and <paramref name="beforeMove"/> run when the page is complete,
    /// before it takes its place (<see cref="AtomicFile.Write(string, Action{Stream}, Action?)"/>).
    /// </summary>
    internal static string Write(Recording recording, LifecycleReport report, Func<PatternReport?> patterns, string name, string path, Action? beforeMove, EditorLink? editor = null)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
            Directory.CreateDirectory(directory);
        return AtomicFile.Write(path, stream => Render(recording, report, patterns, name, stream, editor), beforeMove);
    }

    public static void Render(Recording recording, LifecycleReport report, PatternReport? patterns, string name, Stream output, EditorLink? editor = null) =>
        Render(recording, report, () => patterns, name, output, editor);

    private static void Render(Recording recording, LifecycleReport report, Func<PatternReport?> patterns, string name, Stream output, EditorLink? editor)
    {
        string script = DashboardAssets.Script;
        // The script is allowed by its hash, not by 'unsafe-inline': even markup that slipped into the page could not run.
        string scriptHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));

        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var text = new StreamWriter(output, utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        text.Write("<!DOCTYPE html>\n<html lang=\"en\" data-theme=\"light\">\n<head>\n<meta charset=\"utf-8\">\n");
        text.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-");
        text.Write(scriptHash);
        text.Write("'; base-uri 'none'; form-action 'none'\">\n");
        text.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        // The title is set by the script from the data; the static one only needs to be safe.
        text.Write("<title>MemScope dashboard</title>\n<style>\n");
        text.Write(DashboardAssets.Style);
        text.Write("</style>\n</head>\n<body>\n");
        text.Write(DashboardAssets.Body);
        text.Write("<script type=\"application/json\" id=\"memscope-data\">");
        text.Flush();
        using (var json = new Utf8JsonWriter(output, JsonOptions))
            new DashboardData(recording, report, patterns, name, editor ?? EditorLink.FromEnvironment()).Write(json);
        text.Write("</script>\n<script>");
        text.Write(script);
        text.Write("</script>\n</body>\n</html>\n");
    }
}
