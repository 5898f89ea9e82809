using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using MemScopeReports.Analysis;
using MemScopeTrace.Model;

namespace MemScopeReports.Export.Json;

/// <summary><c>&lt;name&gt;_lifetime.json</c>: per object, its allocation, every holder with when it let go, and its collection.</summary>
internal static class LifetimeJson
{
    public const string SchemaId = "https://memscope.dev/schemas/lifetime.schema.json";

    /// <summary>In fast mode only the objects a finding names (leaks, violations) are written.</summary>
    public static string Write(Recording recording, LifecycleReport report, string name, string path, bool detailed) =>
        JsonFile.Write(path, writer =>
        {
            JsonFile.WriteHeader(writer, recording, name, SchemaId);
            writer.WriteString("exportMode", detailed ? "detailed" : "fast");
            var named = detailed ? null : report.Leaks.Select(l => l.Subject).Concat(report.Violations.Select(v => v.Subject)).ToHashSet();
            writer.WriteStartArray("objects");
            foreach (var obj in report.Objects)
            {
                if (named is null || named.Contains(obj.Id))
                {
                    WriteObject(writer, recording, obj);
                    JsonFile.FlushIfFull(writer);
                }
            }
            writer.WriteEndArray();
        });

    private static void WriteObject(Utf8JsonWriter writer, Recording recording, TrackedObject obj)
    {
        writer.WriteStartObject();
        writer.WriteNumber("objectId", obj.Id);
        writer.WriteString("typeName", obj.TypeName);
        writer.WriteNumber("size", obj.Size);
        if (obj.AllocSite is not null)
        {
            writer.WriteStartObject("alloc");
            JsonFile.WriteSite(writer, "site", obj.AllocSite);
            JsonFile.WriteMilliseconds(writer, "atMs", recording, obj.AllocatedAt);
            writer.WriteNumber("thread", obj.AllocThread ?? 0);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("alloc");
        }

        writer.WriteNumber("maxHolders", obj.MaxHolders);
        writer.WriteStartArray("holders");
        foreach (var holding in obj.Holdings)
        {
            writer.WriteStartObject();
            writer.WriteString("name", holding.Site.Name ?? "?");
            writer.WriteString("holderKind", JsonFile.KindName(holding.Site.Kind));
            JsonFile.WriteSite(writer, "site", holding.Site);
            writer.WriteNumber("thread", holding.Thread);
            JsonFile.WriteMilliseconds(writer, "boundAtMs", recording, holding.BoundAt);
            JsonFile.WriteMilliseconds(writer, "releasedAtMs", recording, holding.ReleasedAt);
            writer.WriteString("end", EndWord(holding.EndReason));
            JsonFile.WriteSite(writer, "endSite", holding.EndSite);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        JsonFile.WriteMilliseconds(writer, "collectedAtMs", recording, obj.CollectedAt);
        writer.WriteEndObject();
    }

    /// <summary>How a holding ended, in the words of the JSON files (the dashboard uses the same).</summary>
    public static string EndWord(HoldingEnd end) => end switch
    {
        HoldingEnd.ScopeEnded => "scopeEnd",
        HoldingEnd.Overwritten => "overwritten",
        HoldingEnd.Collected => "collected",
        _ => "stillHeld",
    };
}
