using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using MemScopeReports.Analysis;
using MemScopeTrace.Model;

namespace MemScopeReports.Export.Json;

/// <summary><c>&lt;name&gt;_memory_analysis.json</c>: the summary, every tracked object, totals per type and per site.</summary>
internal static class MemoryAnalysisJson
{
    public const string SchemaId = "https://memscope.dev/schemas/memory_analysis.schema.json";

    public static string Write(Recording recording, LifecycleReport report, string name, string path, bool detailed) =>
        JsonFile.Write(path, writer =>
        {
            var objects = report.Objects;
            JsonFile.WriteHeader(writer, recording, name, SchemaId);
            writer.WriteString("exportMode", detailed ? "detailed" : "fast");
            WriteSummary(writer, recording, report);
            WriteLeaks(writer, report.Leaks);
            WriteAllocations(writer, recording, detailed ? objects : new List<TrackedObject>());
            WriteByType(writer, report);
            WriteBySite(writer, report);
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
            if (leak.Owns.Count > 0)
            {
                writer.WriteStartArray("owns");
                foreach (var owned in leak.Owns)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("subject", owned.Subject);
                    writer.WriteString("typeName", owned.TypeName);
                    writer.WriteNumber("size", owned.Size);
                    JsonFile.WriteSite(writer, "createdAt", owned.CreatedAt);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
            JsonFile.FlushIfFull(writer);
        }
        writer.WriteEndArray();
    }

    private static void WriteSummary(Utf8JsonWriter writer, Recording recording, LifecycleReport report)
    {
        var all = new ObjectTotals();
        int allocated = 0;
        long allocatedBytes = 0;
        foreach (var obj in report.Objects)
        {
            all.Add(obj);
            if (obj.AllocSite is not null)
            {
                allocated++;
                allocatedBytes += obj.Size;
            }
        }
        writer.WriteStartObject("summary");
        writer.WriteNumber("trackedObjects", all.Count);
        writer.WriteNumber("allocatedObjects", allocated);
        writer.WriteNumber("estimatedAllocatedObjects", (long)allocated * recording.SampleOneIn);
        writer.WriteNumber("estimatedAllocatedBytes", allocatedBytes * recording.SampleOneIn);
        writer.WriteNumber("totalBytes", all.Bytes);
        writer.WriteNumber("liveObjects", all.LiveCount);
        writer.WriteNumber("liveBytes", all.LiveBytes);
        writer.WriteNumber("collectedObjects", all.CollectedCount);
        writer.WriteNumber("unwatchedObjects", all.UnwatchedCount);
        writer.WriteNumber("leaks", report.Leaks.Count);
        writer.WriteNumber("violations", report.Violations.Count);
        writer.WriteNumber("eventsRecorded", recording.Events.Count);
        writer.WriteNumber("eventsDropped", recording.DroppedEvents);
        writer.WriteNumber("internalFaults", recording.InternalFaults);
        writer.WriteNumber("threads", recording.Threads.Count);
        JsonFile.WriteMilliseconds(writer, "durationMs", recording, recording.Events.Count > 0 ? recording.Events[^1].Timestamp : recording.StartTimestamp);
        writer.WriteEndObject();
    }

    private static void WriteAllocations(Utf8JsonWriter writer, Recording recording, List<TrackedObject> objects)
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
            WriteDistinctNames(writer, obj.Holdings);
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
            JsonFile.WriteMilliseconds(writer, "scopeEndedAtMs", recording, LastScopeEnd(obj.Holdings));
            JsonFile.WriteMilliseconds(writer, "collectedAtMs", recording, obj.CollectedAt);
            writer.WriteBoolean("live", obj.IsLive);
            writer.WriteNumber("liveWeight", obj.LiveWeight);
            writer.WriteEndObject();
            JsonFile.FlushIfFull(writer);
        }
        writer.WriteEndArray();
    }

    /// <summary>The names of the holders, each once, in the order they first held the object (most objects have one or two).</summary>
    private static void WriteDistinctNames(Utf8JsonWriter writer, IReadOnlyList<Holding> holdings)
    {
        HashSet<string?>? seen = holdings.Count > 8 ? new HashSet<string?>(StringComparer.Ordinal) : null;
        for (int i = 0; i < holdings.Count; i++)
        {
            string? name = holdings[i].Site.Name;
            if (seen is not null ? !seen.Add(name) : NamedBefore(holdings, i, name))
                continue;
            writer.WriteStringValue(name);
        }
    }

    private static bool NamedBefore(IReadOnlyList<Holding> holdings, int index, string? name)
    {
        for (int j = 0; j < index; j++)
        {
            if (string.Equals(holdings[j].Site.Name, name, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static long? LastScopeEnd(IReadOnlyList<Holding> holdings)
    {
        for (int i = holdings.Count - 1; i >= 0; i--)
        {
            if (holdings[i].EndReason == HoldingEnd.ScopeEnded)
                return holdings[i].ReleasedAt;
        }
        return null;
    }

    private static void WriteByType(Utf8JsonWriter writer, LifecycleReport report)
    {
        writer.WriteStartArray("byType");
        foreach (var (typeName, totals) in AllocationTotals.ByType(report))
        {
            writer.WriteStartObject();
            writer.WriteString("typeName", typeName);
            writer.WriteNumber("count", totals.Count);
            writer.WriteNumber("bytes", totals.Bytes);
            writer.WriteNumber("liveCount", totals.LiveCount);
            writer.WriteNumber("liveBytes", totals.LiveBytes);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteBySite(Utf8JsonWriter writer, LifecycleReport report)
    {
        writer.WriteStartArray("bySite");
        foreach (var (site, typeName, totals) in AllocationTotals.BySite(report))
        {
            if (site is null)
                continue; // bySite lists allocation sites; objects first seen elsewhere are in byType
            writer.WriteStartObject();
            JsonFile.WriteSite(writer, "site", site);
            writer.WriteString("typeName", typeName);
            JsonFile.WriteNullableString(writer, "variable", totals.Variable);
            writer.WriteNumber("count", totals.Count);
            writer.WriteNumber("bytes", totals.Bytes);
            writer.WriteNumber("liveCount", totals.LiveCount);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }
}
