using System;
using System.Collections.Generic;
using System.Text.Json;
using MemScopeReports.Analysis;
using MemScopeReports.Analysis.Patterns;
using MemScopeTrace.Model;

namespace MemScopeReports.Export.Json;

/// <summary>
/// <c>&lt;name&gt;_patterns.json</c>: the ranked diagnosis first (what to fix, with its evidence), then each
/// pattern section, then the thresholds that decided what was reported.
/// </summary>
internal static class PatternsJson
{
    public const string SchemaId = "https://memscope.dev/schemas/patterns.schema.json";

    public static string Write(Recording recording, LifecycleReport report, PatternReport patterns, string name, string path) =>
        JsonFile.Write(path, writer =>
        {
            JsonFile.WriteHeader(writer, recording, name, SchemaId);
            WriteDiagnosis(writer, patterns.Diagnosis);
            writer.WriteStartObject("window");
            writer.WriteNumber("fromMs", Round(patterns.FromMs));
            writer.WriteNumber("toMs", Round(patterns.ToMs));
            writer.WriteNumber("leaks", report.Leaks.Count);
            writer.WriteNumber("violations", report.Violations.Count);
            writer.WriteEndObject();
            WriteChurn(writer, patterns.ChurnSites);
            WriteLargeObjects(writer, patterns.LargeObjectSites);
            WriteGrowth(writer, "growthByType", patterns.GrowthByType);
            WriteGrowth(writer, "growthBySite", patterns.GrowthBySite);
            WriteFinalizerReliance(writer, patterns.FinalizerReliance);
            WriteGen2(writer, patterns.Gen2Pressure);
            WritePinning(writer, patterns.Pinning);
            WritePInvoke(writer, patterns.PInvokeTime);
            WriteThreads(writer, patterns.Threads);
            WriteActivities(writer, patterns.Activities);
            WriteHandlerLeaks(writer, patterns.HandlerLeaks);
            WriteSubscriptionLeaks(writer, patterns.EventSubscriptionLeaks);
            WriteThresholds(writer, patterns.Options);
        });

    private static void WriteDiagnosis(Utf8JsonWriter writer, IReadOnlyList<Finding> findings)
    {
        writer.WriteStartArray("diagnosis");
        foreach (var finding in findings)
        {
            writer.WriteStartObject();
            writer.WriteNumber("rank", finding.Rank);
            writer.WriteString("kind", finding.Kind);
            writer.WriteString("severity", finding.Severity.Name());
            writer.WriteString("message", finding.Message);
            writer.WriteNumber("bytes", finding.Bytes);
            writer.WriteNumber("count", finding.Count);
            JsonFile.WriteSite(writer, "site", finding.Site);
            writer.WriteStartArray("evidence");
            foreach (var line in finding.Evidence)
                writer.WriteStringValue(line);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteChurn(Utf8JsonWriter writer, IReadOnlyList<ChurnSite> sites)
    {
        writer.WriteStartArray("churnSites");
        foreach (var c in sites)
        {
            writer.WriteStartObject();
            JsonFile.WriteSite(writer, "site", c.Site);
            writer.WriteString("typeName", c.TypeName);
            writer.WriteNumber("objects", c.Objects);
            writer.WriteNumber("shortLived", c.ShortLived);
            writer.WriteNumber("medianLifetimeMs", Round(c.MedianLifetimeMs));
            writer.WriteNumber("shortLivedBytes", c.ShortLivedBytes);
            writer.WriteNumber("bytes", c.Bytes);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteLargeObjects(Utf8JsonWriter writer, IReadOnlyList<LargeObjectSite> sites)
    {
        writer.WriteStartArray("largeObjectSites");
        foreach (var s in sites)
        {
            writer.WriteStartObject();
            JsonFile.WriteSite(writer, "site", s.Site);
            writer.WriteString("typeName", s.TypeName);
            writer.WriteNumber("objects", s.Objects);
            writer.WriteNumber("bytes", s.Bytes);
            writer.WriteNumber("largestBytes", s.LargestBytes);
            writer.WriteNumber("stillLive", s.StillLive);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteGrowth(Utf8JsonWriter writer, string property, IReadOnlyList<GrowthTrend> trends)
    {
        writer.WriteStartArray(property);
        foreach (var g in trends)
        {
            writer.WriteStartObject();
            writer.WriteString("typeName", g.TypeName);
            JsonFile.WriteSite(writer, "site", g.Site);
            writer.WriteNumber("points", g.Points);
            writer.WriteNumber("bytesPerSecond", Round(g.BytesPerSecond));
            writer.WriteNumber("fit", Round(g.Fit));
            writer.WriteNumber("fromMs", Round(g.FromMs));
            writer.WriteNumber("toMs", Round(g.ToMs));
            writer.WriteNumber("firstLiveBytes", g.FirstLiveBytes);
            writer.WriteNumber("lastLiveBytes", g.LastLiveBytes);
            writer.WriteNumber("peakLiveBytes", g.PeakLiveBytes);
            writer.WriteNumber("fittedGrowthBytes", g.FittedGrowthBytes);
            writer.WriteNumber("objects", g.Objects);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteFinalizerReliance(Utf8JsonWriter writer, IReadOnlyList<FinalizerReliance> groups)
    {
        writer.WriteStartArray("finalizerReliance");
        foreach (var f in groups)
        {
            writer.WriteStartObject();
            JsonFile.WriteSite(writer, "site", f.Site);
            writer.WriteString("typeName", f.TypeName);
            writer.WriteNumber("objects", f.Objects);
            writer.WriteNumber("finalized", f.Finalized);
            writer.WriteNumber("collectedWithoutDispose", f.CollectedWithoutDispose);
            writer.WriteNumber("bytes", f.Bytes);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteGen2(Utf8JsonWriter writer, Gen2Pressure? gen2)
    {
        if (gen2 is null)
        {
            writer.WriteNull("gen2Pressure");
            return;
        }
        writer.WriteStartObject("gen2Pressure");
        writer.WriteNumber("samples", gen2.Samples);
        writer.WriteNumber("fromMs", Round(gen2.FromMs));
        writer.WriteNumber("toMs", Round(gen2.ToMs));
        writer.WriteNumber("collections", gen2.Collections);
        writer.WriteNumber("gen1Collections", gen2.Gen1Collections);
        writer.WriteNumber("gen2Collections", gen2.Gen2Collections);
        writer.WriteNumber("gen2PerSecond", Round(gen2.Gen2PerSecond));
        writer.WriteNumber("gen2Share", Round(gen2.Gen2Share));
        writer.WriteNumber("pauseMs", Round(gen2.PauseMs));
        writer.WriteBoolean("significant", gen2.IsSignificant);
        writer.WriteEndObject();
    }

    private static void WritePinning(Utf8JsonWriter writer, Pinning pinning)
    {
        writer.WriteStartObject("pinning");
        writer.WriteNumber("samples", pinning.Samples);
        writer.WriteNumber("maxPinnedObjects", pinning.MaxPinnedObjects);
        if (pinning.MaxPinnedObjectsAtMs is { } at)
            writer.WriteNumber("maxPinnedObjectsAtMs", Round(at));
        else
            writer.WriteNull("maxPinnedObjectsAtMs");
        writer.WriteStartArray("sites");
        foreach (var p in pinning.Sites)
        {
            writer.WriteStartObject();
            JsonFile.WriteSite(writer, "site", p.Site);
            writer.WriteNumber("handles", p.Handles);
            writer.WriteNumber("stillPinned", p.StillPinned);
            writer.WriteNumber("maxPinnedMs", Round(p.MaxPinnedMs));
            writer.WriteNumber("totalPinnedMs", Round(p.TotalPinnedMs));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WritePInvoke(Utf8JsonWriter writer, PInvokeTime time)
    {
        writer.WriteStartObject("pinvokeTime");
        writer.WriteNumber("totalMs", Round(time.TotalMs));
        writer.WriteNumber("recordingMs", Round(time.RecordingMs));
        writer.WriteNumber("calls", time.Calls);
        writer.WriteStartArray("sites");
        foreach (var s in time.Sites)
        {
            writer.WriteStartObject();
            JsonFile.WriteNullableString(writer, "target", s.Call.Site.Name);
            JsonFile.WriteSite(writer, "site", s.Call.Site);
            writer.WriteNumber("calls", s.Call.Calls);
            writer.WriteNumber("totalMs", Round(s.TotalMs));
            writer.WriteNumber("maxMs", Round(s.MaxMs));
            writer.WriteNumber("share", Round(s.Share));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteThreads(Utf8JsonWriter writer, IReadOnlyList<ThreadAllocations> threads)
    {
        writer.WriteStartArray("threads");
        foreach (var t in threads)
        {
            writer.WriteStartObject();
            writer.WriteNumber("threadId", t.ThreadId);
            JsonFile.WriteNullableString(writer, "name", t.Name);
            writer.WriteNumber("objects", t.Objects);
            writer.WriteNumber("bytes", t.Bytes);
            writer.WriteNumber("shareOfBytes", Round(t.ShareOfBytes));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteActivities(Utf8JsonWriter writer, IReadOnlyList<ActivityAllocations> activities)
    {
        writer.WriteStartArray("activities");
        foreach (var a in activities)
        {
            writer.WriteStartObject();
            writer.WriteString("operationName", a.Activity.OperationName);
            JsonFile.WriteNullableString(writer, "traceId", a.Activity.TraceId);
            JsonFile.WriteNullableString(writer, "spanId", a.Activity.SpanId);
            JsonFile.WriteNullableString(writer, "parentSpanId", a.Activity.ParentSpanId);
            writer.WriteNumber("objects", a.Objects);
            writer.WriteNumber("bytes", a.Bytes);
            writer.WriteNumber("threads", a.Threads);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteSubscriptionLeaks(Utf8JsonWriter writer, IReadOnlyList<EventSubscriptionLeak> leaks)
    {
        writer.WriteStartArray("eventSubscriptionLeaks");
        foreach (var l in leaks)
        {
            writer.WriteStartObject();
            writer.WriteString("event", l.Event);
            writer.WriteString("subscriberType", l.SubscriberType);
            JsonFile.WriteNullableString(writer, "subscriberVariable", l.SubscriberVariable);
            JsonFile.WriteNullableString(writer, "publisherType", l.PublisherType);
            JsonFile.WriteNullableString(writer, "publisherVariable", l.PublisherVariable);
            writer.WriteNumber("stillAttached", l.StillAttached);
            writer.WriteNumber("subscriptions", l.Subscriptions);
            writer.WriteNumber("subscriberBytes", l.SubscriberBytes);
            JsonFile.WriteSite(writer, "subscribedAt", l.SubscribedAt);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteHandlerLeaks(Utf8JsonWriter writer, IReadOnlyList<HandlerLeak> leaks)
    {
        writer.WriteStartArray("eventHandlerLeaks");
        foreach (var h in leaks)
        {
            writer.WriteStartObject();
            writer.WriteString("field", h.Field);
            writer.WriteString("delegateType", h.DelegateType);
            writer.WriteNumber("stores", h.Stores);
            writer.WriteNumber("stillAttached", h.StillAttached);
            writer.WriteNumber("bytes", h.Bytes);
            JsonFile.WriteSite(writer, "firstStore", h.FirstStore);
            JsonFile.WriteSite(writer, "lastStore", h.LastStore);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteThresholds(Utf8JsonWriter writer, PatternOptions options)
    {
        writer.WriteStartObject("thresholds");
        writer.WriteNumber("shortLivedMs", options.ShortLivedMilliseconds);
        writer.WriteNumber("churnMinObjects", options.ChurnMinObjects);
        writer.WriteNumber("largeObjectBytes", options.LargeObjectBytes);
        writer.WriteNumber("growthMinPoints", options.GrowthMinPoints);
        writer.WriteNumber("growthMinFit", options.GrowthMinFit);
        writer.WriteNumber("growthMinBytes", options.GrowthMinBytes);
        writer.WriteNumber("gen2MinCollections", options.Gen2MinCollections);
        writer.WriteNumber("gen2MinShare", options.Gen2MinShare);
        writer.WriteNumber("longPinMs", options.LongPinMilliseconds);
        writer.WriteNumber("pinvokeMinShareOfRecording", options.PInvokeMinShareOfRecording);
        writer.WriteNumber("handlerMinStores", options.HandlerMinStores);
        writer.WriteNumber("maxFindings", options.MaxFindings);
        writer.WriteEndObject();
    }

    private static double Round(double value) => Math.Round(value, 4);
}
