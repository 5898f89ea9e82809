using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using MemScopeCli.Analysis;
using MemScopeTrace.Model;

namespace MemScopeCli.Output;

/// <summary>
/// `memscope check --format sarif`: SARIF 2.1.0 (OASIS), the format code scanning reads. One rule per kind of
/// finding with its help text; each result with its rule, level, message and the file and line it happened at
/// (relative to the source root when it lies under it), the site it contradicts as a related location, and a
/// fingerprint of what the finding is, so an unchanged finding keeps its alert when lines above it move.
/// The copy of the schema in schemas/sarif/ validates this output in the tests.
/// </summary>
internal static class SarifOutput
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    public const string FingerprintName = "memscopeFindingIdentity/v1";

    public static void Write(Stream stream, CheckResult result)
    {
        var rules = FindingRules.Known.Concat(result.Findings.Select(FindingRules.For)).DistinctBy(r => r.Id).ToList();
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var fingerprints = result.Fingerprints();

        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "MemScope");
        json.WriteString("fullName", "MemScope (memscope check)");
        json.WriteString("version", CheckResult.ToolVersion);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
            WriteRule(json, rule);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        json.WriteStartObject("properties");
        json.WriteString("trace", result.Analysis.Path);
        json.WriteString("failOn", string.Join(",", result.FailOn.Select(CheckResult.OptionName)));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(SourceRoot.BaseId);
        json.WriteString("uri", result.Root.Uri);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("results");
        for (int i = 0; i < result.Findings.Count; i++)
            WriteResult(json, result.Findings[i], ruleIndex[result.Findings[i].RuleId], fingerprints[i], result.Root);
        json.WriteEndArray();

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, FindingRule rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", rule.Name);
        Message(json, "shortDescription", rule.ShortDescription);
        Message(json, "fullDescription", rule.FullDescription);
        json.WriteStartObject("help");
        json.WriteString("text", $"{rule.FullDescription} {rule.Help}");
        json.WriteString("markdown", $"**{rule.ShortDescription}.** {rule.FullDescription}\n\n{rule.Help}");
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", rule.DefaultLevel);
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        json.WriteStringValue("memory");
        json.WriteStringValue(rule.Id[..rule.Id.IndexOf('.')]);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, int ruleIndex, string fingerprint, SourceRoot root)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", finding.Level);
        Message(json, "message", finding.Message);

        json.WriteStartArray("locations");
        if (finding.Site is { } site)
            WriteLocation(json, site, root, id: null, message: null);
        json.WriteEndArray();

        if (finding.RelatedSite is { } related)
        {
            json.WriteStartArray("relatedLocations");
            WriteLocation(json, related, root, id: 1, finding.RelatedMessage);
            json.WriteEndArray();
        }

        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintName, fingerprint);
        json.WriteEndObject();

        json.WriteStartObject("properties");
        json.WriteString("typeName", finding.TypeName);
        if (finding.Variable is not null)
            json.WriteString("variable", finding.Variable);
        if (finding.Bytes is { } bytes)
            json.WriteNumber("bytes", bytes);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>A physical location when the site has a file (with its line when known), and always the method as a logical location.</summary>
    private static void WriteLocation(Utf8JsonWriter json, SiteInfo site, SourceRoot root, int? id, string? message)
    {
        json.WriteStartObject();
        if (id is { } value)
            json.WriteNumber("id", value);
        if (message is not null)
            Message(json, "message", message);
        if (site.File is { Length: > 0 } file)
        {
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            var (uri, baseId) = root.ArtifactUri(file);
            json.WriteString("uri", uri);
            if (baseId is not null)
                json.WriteString("uriBaseId", baseId);
            json.WriteEndObject();
            if (site.Line > 0)
            {
                json.WriteStartObject("region");
                json.WriteNumber("startLine", site.Line);
                if (site.Column > 0)
                    json.WriteNumber("startColumn", site.Column);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        if (site.Method.Length > 0)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", site.Method);
            json.WriteString("kind", "function");
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void Message(Utf8JsonWriter json, string property, string text)
    {
        json.WriteStartObject(property);
        json.WriteString("text", text);
        json.WriteEndObject();
    }
}
