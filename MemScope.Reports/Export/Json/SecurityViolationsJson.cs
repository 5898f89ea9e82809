using System.Linq;
using MemScopeReports.Analysis;
using MemScopeTrace.Model;
using MemScopeReports.Analysis.Patterns;

namespace MemScopeReports.Export.Json;

/// <summary><c>&lt;name&gt;_security_violations.json</c>: every misuse found, with the site where it happened and the site it contradicts.</summary>
internal static class SecurityViolationsJson
{
    public const string SchemaId = "https://memscope.dev/schemas/security_violations.schema.json";

    public static string Write(Recording recording, LifecycleReport report, string name, string path) =>
        JsonFile.Write(path, writer =>
        {
            JsonFile.WriteHeader(writer, recording, name, SchemaId);
            writer.WriteStartObject("summary");
            writer.WriteNumber("total", report.Violations.Count);
            writer.WriteNumber("errors", report.Violations.Count(v => v.Severity == FindingSeverity.Error));
            writer.WriteNumber("warnings", report.Violations.Count(v => v.Severity == FindingSeverity.Warning));
            writer.WriteStartObject("byKind");
            foreach (var group in report.Violations.GroupBy(v => v.Kind).OrderBy(g => g.Key, System.StringComparer.Ordinal))
                writer.WriteNumber(group.Key, group.Count());
            writer.WriteEndObject();
            writer.WriteEndObject();

            writer.WriteStartArray("violations");
            foreach (var violation in report.Violations)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", violation.Kind);
                writer.WriteString("severity", violation.Severity.Name());
                writer.WriteString("message", violation.Message);
                writer.WriteNumber("subject", violation.Subject);
                writer.WriteString("typeName", violation.TypeName);
                JsonFile.WriteNullableString(writer, "variable", violation.Variable);
                JsonFile.WriteSite(writer, "site", violation.Site);
                JsonFile.WriteSite(writer, "relatedSite", violation.RelatedSite);
                writer.WriteNumber("thread", violation.Thread);
                JsonFile.WriteMilliseconds(writer, "atMs", recording, violation.Timestamp);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        });
}
