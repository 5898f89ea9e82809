using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using MemScopeReports.Analysis;
using MemScopeTrace.Model;

namespace MemScopeReports.Export.Json;

/// <summary>
/// <c>&lt;name&gt;_performance.json</c>: GC samples over time (heap, fragmentation per generation, pauses,
/// collections) and what the tracker itself cost (events, buffer bytes, drops, faults, export time).
/// </summary>
internal static class PerformanceJson
{
    public const string SchemaId = "https://memscope.dev/schemas/performance.schema.json";

    public static string Write(Recording recording, LifecycleReport report, string name, string path, Stopwatch exportTime) =>
        JsonFile.Write(path, writer =>
        {
            JsonFile.WriteHeader(writer, recording, name, SchemaId);
            var samples = recording.GcSamples;
            var last = samples.Count > 0 ? samples[^1] : null;

            writer.WriteStartObject("gc");
            writer.WriteNumber("samples", samples.Count);
            writer.WriteNumber("gen0Collections", last?.Gen0Collections ?? 0);
            writer.WriteNumber("gen1Collections", last?.Gen1Collections ?? 0);
            writer.WriteNumber("gen2Collections", last?.Gen2Collections ?? 0);
            writer.WriteNumber("peakAllocatedBytes", samples.Count == 0 ? 0 : samples.Max(s => s.AllocatedNowBytes));
            writer.WriteNumber("peakHeapBytes", samples.Count == 0 ? 0 : samples.Max(s => s.HeapBytes));
            writer.WriteNumber("peakFragmentedBytes", samples.Count == 0 ? 0 : samples.Max(s => s.FragmentedBytes));
            writer.WriteNumber("totalPauseMs", last?.TotalPauseMs ?? 0);
            writer.WriteEndObject();

            writer.WriteStartArray("gcSamples");
            foreach (var sample in samples)
                WriteSample(writer, recording, sample);
            writer.WriteEndArray();

            WriteSystemAllocations(writer, recording);

            writer.WriteStartObject("tracker");
            writer.WriteNumber("eventsRecorded", recording.Events.Count);
            writer.WriteNumber("eventsDropped", recording.DroppedEvents);
            writer.WriteNumber("eventBytes", recording.Events.Count * 32L);
            writer.WriteNumber("bufferBytes", recording.BufferBytes);
            writer.WriteNumber("bufferLimitBytes", recording.BufferLimitBytes);
            writer.WriteNumber("eventsStreamed", recording.EventsStreamed);
            writer.WriteNumber("internalFaults", recording.InternalFaults);
            writer.WriteNumber("trackedObjects", report.Objects.Count);
            writer.WriteNumber("threads", recording.Threads.Count);
            // Everything of this export up to this file: the snapshot, the analysis and the files before it.
            writer.WriteNumber("exportMs", System.Math.Round(exportTime.Elapsed.TotalMilliseconds, 3));
            writer.WriteEndObject();
        });

    /// <summary>AllocationTick samples summed per type: an estimate of where all of the process's allocations go.</summary>
    private static void WriteSystemAllocations(Utf8JsonWriter writer, Recording recording)
    {
        var samples = recording.SystemAllocations;
        writer.WriteStartObject("systemAllocations");
        writer.WriteBoolean("enabled", samples is not null);
        writer.WriteNumber("samples", samples?.Count ?? 0);
        writer.WriteNumber("estimatedBytes", samples?.Sum(s => s.Bytes) ?? 0);
        writer.WriteStartArray("byType");
        foreach (var type in (samples ?? new List<AllocationSample>()).GroupBy(s => s.TypeName).OrderByDescending(g => g.Sum(s => s.Bytes)).ThenBy(g => g.Key, System.StringComparer.Ordinal).Take(100))
        {
            writer.WriteStartObject();
            writer.WriteString("typeName", type.Key);
            writer.WriteNumber("samples", type.Count());
            writer.WriteNumber("estimatedBytes", type.Sum(s => s.Bytes));
            writer.WriteNumber("largeObjectHeapSamples", type.Count(s => s.LargeObjectHeap));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteSample(Utf8JsonWriter writer, Recording recording, GcSample sample)
    {
        writer.WriteStartObject();
        JsonFile.WriteMilliseconds(writer, "atMs", recording, sample.Timestamp);
        writer.WriteNumber("allocatedNowBytes", sample.AllocatedNowBytes);
        writer.WriteNumber("heapBytes", sample.HeapBytes);
        writer.WriteNumber("committedBytes", sample.CommittedBytes);
        writer.WriteNumber("fragmentedBytes", sample.FragmentedBytes);
        writer.WriteNumber("totalAllocatedBytes", sample.TotalAllocatedBytes);
        writer.WriteNumber("promotedBytes", sample.PromotedBytes);
        writer.WriteNumber("pinnedObjects", sample.PinnedObjects);
        writer.WriteNumber("gen0Collections", sample.Gen0Collections);
        writer.WriteNumber("gen1Collections", sample.Gen1Collections);
        writer.WriteNumber("gen2Collections", sample.Gen2Collections);
        writer.WriteNumber("lastGcIndex", sample.LastGcIndex);
        writer.WriteNumber("lastGcGeneration", sample.LastGcGeneration);
        writer.WriteNumber("lastPauseMs", System.Math.Round(sample.LastPauseMs, 4));
        writer.WriteStartArray("generations");
        foreach (var generation in sample.Generations)
        {
            writer.WriteStartObject();
            writer.WriteString("name", generation.Name);
            writer.WriteNumber("sizeBytes", generation.SizeBytes);
            writer.WriteNumber("fragmentedBytes", generation.FragmentedBytes);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
