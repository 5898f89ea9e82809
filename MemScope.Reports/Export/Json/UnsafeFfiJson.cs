using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using MemScopeReports.Analysis;
using MemScopeTrace.Model;

namespace MemScopeReports.Export.Json;

/// <summary>
/// <c>&lt;name&gt;_unsafe_ffi.json</c>: native blocks, GCHandles, pooled arrays, SafeHandles with their
/// refcount timelines, and P/Invoke call sites with their time.
/// </summary>
internal static class UnsafeFfiJson
{
    public const string SchemaId = "https://memscope.dev/schemas/unsafe_ffi.schema.json";

    public static string Write(Recording recording, LifecycleReport report, string name, string path) =>
        JsonFile.Write(path, writer =>
        {
            JsonFile.WriteHeader(writer, recording, name, SchemaId);
            writer.WriteStartObject("summary");
            writer.WriteNumber("nativeBlocks", report.NativeBlocks.Count);
            writer.WriteNumber("nativeBytesAllocated", report.NativeBlocks.Sum(b => b.Size));
            writer.WriteNumber("nativeBytesLive", report.NativeBlocks.Where(b => b.Status == BlockStatus.Live).Sum(b => b.Size));
            writer.WriteNumber("gcHandles", report.GcHandles.Count);
            writer.WriteNumber("poolRents", report.PoolRents.Count);
            writer.WriteNumber("safeHandles", report.Handles.Count);
            writer.WriteNumber("pinvokeCalls", report.PInvokeSites.Sum(p => p.Calls));
            writer.WriteNumber("pinvokeMs", Milliseconds(recording, report.PInvokeSites.Sum(p => p.TotalTicks)));
            writer.WriteEndObject();

            WriteResources(writer, recording, "nativeBlocks", report.NativeBlocks);
            WriteResources(writer, recording, "gcHandles", report.GcHandles);
            WriteResources(writer, recording, "poolRents", report.PoolRents);
            WriteHandles(writer, recording, report);
            WritePInvoke(writer, recording, report.PInvokeSites);
        });

    private static void WriteResources(Utf8JsonWriter writer, Recording recording, string property, List<NativeResource> resources)
    {
        writer.WriteStartArray(property);
        foreach (var resource in resources)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", resource.Kind);
            writer.WriteString("key", Hex(resource.Key));
            writer.WriteString("api", resource.Api);
            writer.WriteNumber("size", resource.Size);
            JsonFile.WriteNullableString(writer, "variable", resource.Variable);
            writer.WriteString("status", StatusWord(resource.Status));
            JsonFile.WriteSite(writer, "acquiredAt", resource.AcquiredSite);
            JsonFile.WriteSite(writer, "releasedAt", resource.ReleasedSite);
            JsonFile.WriteMilliseconds(writer, "acquiredAtMs", recording, resource.AcquiredAt);
            JsonFile.WriteMilliseconds(writer, "releasedAtMs", recording, resource.ReleasedAt);
            writer.WriteNumber("thread", resource.Thread);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteHandles(Utf8JsonWriter writer, Recording recording, LifecycleReport report)
    {
        var objects = report.Handles.Count == 0 ? new Dictionary<long, TrackedObject>() : report.Objects.ToDictionary(o => o.Id);
        writer.WriteStartArray("safeHandles");
        foreach (var handle in report.Handles)
        {
            objects.TryGetValue(handle.ObjectId, out var obj);
            writer.WriteStartObject();
            writer.WriteNumber("objectId", handle.ObjectId);
            writer.WriteString("typeName", obj?.TypeName ?? "SafeHandle");
            JsonFile.WriteNullableString(writer, "variable", obj?.LastVariable);
            writer.WriteString("rawHandle", Hex(handle.RawHandle));
            JsonFile.WriteSite(writer, "openedAt", handle.OpenedAt);
            JsonFile.WriteSite(writer, "closedAt", handle.ClosedAt);
            writer.WriteNumber("maxRefCount", handle.Steps.Count == 0 ? 0 : handle.Steps.Max(s => s.Count));
            writer.WriteStartArray("refCountTimeline");
            foreach (var step in handle.Steps)
            {
                writer.WriteStartObject();
                writer.WriteString("step", step.Kind);
                JsonFile.WriteMilliseconds(writer, "atMs", recording, step.Timestamp);
                writer.WriteNumber("addedRefs", step.Count);
                JsonFile.WriteSite(writer, "site", step.Site);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static double Milliseconds(Recording recording, long ticks) => System.Math.Round(recording.TicksToMilliseconds(ticks), 4);

    private static void WritePInvoke(Utf8JsonWriter writer, Recording recording, List<PInvokeSite> sites)
    {
        writer.WriteStartArray("pinvokeCalls");
        foreach (var call in sites)
        {
            string[] target = (call.Site.Name ?? "?!?").Split('!', 2);
            writer.WriteStartObject();
            writer.WriteString("library", target[0]);
            writer.WriteString("entryPoint", target.Length > 1 ? target[1] : "?");
            writer.WriteString("declaredWith", call.Site.DeclaredType ?? "DllImport");
            JsonFile.WriteSite(writer, "site", call.Site);
            writer.WriteNumber("calls", call.Calls);
            writer.WriteNumber("totalMs", Milliseconds(recording, call.TotalTicks));
            writer.WriteNumber("maxMs", Milliseconds(recording, call.MaxTicks));
            writer.WriteNumber("pointerArguments", call.PointerArguments);
            writer.WriteNumber("handleArguments", call.HandleArguments);
            writer.WriteStartArray("threads");
            foreach (int thread in call.Threads.Order())
                writer.WriteNumberValue(thread);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }



    /// <summary>A native resource's status in the words of the JSON files (the dashboard uses the same).</summary>
    public static string StatusWord(BlockStatus status) => status switch { BlockStatus.Live => "live", BlockStatus.Moved => "moved", _ => "released" };

    private static string Hex(long value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);
}
