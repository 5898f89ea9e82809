using System.IO;
using System.Linq;
using System.Text.Json;
using MemScopeCli.Analysis;
using MemScopeTrace.Model;

namespace MemScopeCli.Output;

/// <summary>`memscope check --format json`: the verdict, the counts and every finding, for scripts (schemas/check.schema.json).</summary>
internal static class CheckJsonOutput
{
    public const string SchemaId = "https://memscope.dev/schemas/check.schema.json";

    public static void Write(Stream stream, CheckResult result)
    {
        var fingerprints = result.Fingerprints();
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", SchemaId);
        json.WriteString("schemaVersion", "1.0");
        json.WriteString("tool", "memscope " + CheckResult.ToolVersion);
        json.WriteString("name", result.Analysis.Name);
        json.WriteString("trace", result.Analysis.Path);
        json.WriteString("sourceRoot", result.Root.Folder);
        json.WriteStartArray("failOn");
        foreach (var category in result.FailOn)
            json.WriteStringValue(CheckResult.OptionName(category));
        json.WriteEndArray();
        json.WriteBoolean("passed", result.Passed);
        json.WriteStartObject("counts");
        foreach (var category in result.FailOn)
            json.WriteNumber(CheckResult.OptionName(category), result.Of(category).Count());
        json.WriteEndObject();

        json.WriteStartArray("findings");
        for (int i = 0; i < result.Findings.Count; i++)
        {
            var f = result.Findings[i];
            json.WriteStartObject();
            json.WriteString("ruleId", f.RuleId);
            json.WriteString("category", f.Category.ToString().ToLowerInvariant());
            json.WriteString("kind", f.Kind);
            json.WriteString("level", f.Level);
            json.WriteString("message", f.Message);
            json.WriteString("type", f.TypeName);
            WriteOptional(json, "variable", f.Variable);
            WriteOptional(json, "method", f.Method);
            WriteLocation(json, "location", f.Site, result.Root);
            WriteLocation(json, "related", f.RelatedSite, result.Root);
            if (f.Bytes is { } bytes)
                json.WriteNumber("bytes", bytes);
            else
                json.WriteNull("bytes");
            json.WriteString("fingerprint", fingerprints[i]);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, string property, SiteInfo? site, SourceRoot root)
    {
        if (site is null)
        {
            json.WriteNull(property);
            return;
        }
        json.WriteStartObject(property);
        WriteOptional(json, "file", site.File is null ? null : root.Display(site.File));
        json.WriteNumber("line", site.Line);
        json.WriteNumber("column", site.Column);
        json.WriteString("method", site.Method);
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string property, string? value)
    {
        if (value is null)
            json.WriteNull(property);
        else
            json.WriteString(property, value);
    }
}
