using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using MemScopeRuntime.Analysis;
using MemScopeRuntime.Sites;

namespace MemScopeRuntime.Export;

/// <summary><c>&lt;name&gt;_memory_analysis.json</c>: the summary, every tracked object, totals per type and per site.</summary>
internal static class MemoryAnalysisJson
{
    public const string SchemaId = "https://memscope.dev/schemas/memory_analysis.schema.json";

    public static string Write(Recording.Recording recording, LifecycleReport report, string name, string path) =>
        JsonFile.Write(path, writer =>
        {
            var objects = report.Objects;
            JsonFile.WriteHeader(writer, recording, name, SchemaId);
            WriteSummary(writer, recording, report);
            WriteLeaks(writer, report.Leaks);
            WriteAllocations(writer, recording, objects);
            WriteByType(writer, objects);
            WriteBySite(writer, objects);
        });

    private static void WriteLeaks(Utf8JsonWriter writer, List<Leak> leaks)
    {
        writer.WriteStartArray("leaks");
        foreach (var leak in leaks)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", leak.Kind);
            writer.WriteNumber("subject", leak.Subject);
            writer.WriteString("typeName", leak.TypeName);
            writer.WriteNumber("size", leak.Size);
            JsonFile.WriteNullableString(writer, "variable", leak.Variable);
            JsonFile.WriteSite(writer, "createdAt", leak.CreatedAt);
            writer.WriteString("reason", leak.Reason);
            writer.WriteString("description", leak.Describe());
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteSummary(Utf8JsonWriter writer, Recording.Recording recording, LifecycleReport report)
    {
        var objects = report.Objects;
        writer.WriteStartObject("summary");
        writer.WriteNumber("trackedObjects", objects.Count);
        writer.WriteNumber("allocatedObjects", objects.Count(o => o.AllocSite is not null));
        writer.WriteNumber("totalBytes", objects.Sum(o => o.Size));
        writer.WriteNumber("liveObjects", objects.Count(o => o.IsLive));
        writer.WriteNumber("liveBytes", objects.Where(o => o.IsLive).Sum(o => o.Size));
        writer.WriteNumber("collectedObjects", objects.Count(o => !o.IsLive));
        writer.WriteNumber("leaks", report.Leaks.Count);
        writer.WriteNumber("violations", report.Violations.Count);
        writer.WriteNumber("eventsRecorded", recording.Events.Count);
        writer.WriteNumber("eventsDropped", recording.DroppedEvents);
        writer.WriteNumber("internalFaults", recording.InternalFaults);
        writer.WriteNumber("threads", recording.Threads.Count);
        JsonFile.WriteMilliseconds(writer, "durationMs", recording, recording.Events.Count > 0 ? recording.Events[^1].Timestamp : recording.StartTimestamp);
        writer.WriteEndObject();
    }

    private static void WriteAllocations(Utf8JsonWriter writer, Recording.Recording recording, List<TrackedObject> objects)
    {
        writer.WriteStartArray("allocations");
        foreach (var obj in objects)
        {
            writer.WriteStartObject();
            writer.WriteNumber("objectId", obj.Id);
            writer.WriteString("typeName", obj.TypeName);
            writer.WriteNumber("size", obj.Size);
            writer.WriteBoolean("sizeKnown", obj.SizeKnown);
            JsonFile.WriteNullableString(writer, "variable", obj.FirstVariable);
            writer.WriteStartArray("variables");
            foreach (var variable in obj.Holdings.Select(h => h.Site.Name).Distinct())
                writer.WriteStringValue(variable);
            writer.WriteEndArray();
            JsonFile.WriteSite(writer, "allocationSite", obj.AllocSite);
            JsonFile.WriteSite(writer, "firstHolderSite", obj.Holdings.Count > 0 ? obj.Holdings[0].Site : null);
            if (obj.AllocThread is { } thread)
                writer.WriteNumber("thread", thread);
            else if (obj.Holdings.Count > 0)
                writer.WriteNumber("thread", obj.Holdings[0].Thread);
            else
                writer.WriteNull("thread");
            JsonFile.WriteMilliseconds(writer, "allocatedAtMs", recording, obj.AllocatedAt);
            JsonFile.WriteMilliseconds(writer, "firstSeenAtMs", recording, obj.FirstSeenAt);
            JsonFile.WriteMilliseconds(writer, "scopeEndedAtMs", recording, obj.Holdings.Where(h => h.EndReason == HoldingEnd.ScopeEnded).Select(h => h.ReleasedAt).LastOrDefault());
            JsonFile.WriteMilliseconds(writer, "collectedAtMs", recording, obj.CollectedAt);
            writer.WriteBoolean("live", obj.IsLive);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteByType(Utf8JsonWriter writer, List<TrackedObject> objects)
    {
        writer.WriteStartArray("byType");
        foreach (var group in objects.GroupBy(o => o.TypeName).OrderByDescending(g => g.Sum(o => o.Size)).ThenBy(g => g.Key, System.StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("typeName", group.Key);
            writer.WriteNumber("count", group.Count());
            writer.WriteNumber("bytes", group.Sum(o => o.Size));
            writer.WriteNumber("liveCount", group.Count(o => o.IsLive));
            writer.WriteNumber("liveBytes", group.Where(o => o.IsLive).Sum(o => o.Size));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteBySite(Utf8JsonWriter writer, List<TrackedObject> objects)
    {
        writer.WriteStartArray("bySite");
        var bySite = objects.Where(o => o.AllocSite is not null).GroupBy(o => o.AllocSite!);
        foreach (var group in bySite.OrderByDescending(g => g.Sum(o => o.Size)).ThenBy(g => g.Key.Id))
        {
            SiteInfo site = group.Key;
            writer.WriteStartObject();
            JsonFile.WriteSite(writer, "site", site);
            writer.WriteString("typeName", site.DeclaredType ?? group.First().TypeName);
            JsonFile.WriteNullableString(writer, "variable", group.Select(o => o.FirstVariable).FirstOrDefault(v => v is not null));
            writer.WriteNumber("count", group.Count());
            writer.WriteNumber("bytes", group.Sum(o => o.Size));
            writer.WriteNumber("liveCount", group.Count(o => o.IsLive));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }
}
