using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using MemScopeReports.Analysis;
using MemScopeReports.Analysis.Patterns;
using MemScopeTrace.Model;

namespace MemScopeReports.Export.Dashboard;

/// <summary>
/// The dashboard's data block: columnar arrays pre-aggregated from the analysis. Only what the page shows is
/// written, one array per column, with names interned in a string table — the page does no analysis of its own.
/// Times are milliseconds since the recording started.
/// </summary>
internal sealed class DashboardData(Recording recording, LifecycleReport report, PatternReport? patterns, string name)
{
    private readonly StringTable _strings = new();
    private SiteIndex? _sites;

    public void Write(Utf8JsonWriter w)
    {
        _sites = new SiteIndex(_strings);
        double duration = DurationMs();
        var live = LiveBytesSeries.Of(recording, report.Objects, duration);

        w.WriteStartObject();
        w.WriteNumber("v", 1);
        w.WriteString("name", name);
        w.WriteString("startedAt", recording.StartedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteNumber("durationMs", Columns.Ms(duration));
        WriteTotals(w, live);
        WriteObjects(w);
        WriteLeaks(w);
        WriteViolations(w);
        WriteNative(w);
        WriteHandles(w);
        WritePInvoke(w);
        WriteAggregates(w);
        WriteTimeline(w, live);
        WriteDiagnosis(w);
        WriteThreadsAndActivities(w);
        _sites.Write(w, "site");
        _strings.Write(w, "str");
        w.WriteEndObject();
    }

    private int S(string? text) => _strings.Of(text);
    private int Site(SiteInfo? site) => _sites!.Of(site);
    private double Ms(long timestamp) => recording.ToMilliseconds(timestamp);
    private double? Ms(long? timestamp) => timestamp is { } t ? recording.ToMilliseconds(t) : null;

    private double DurationMs()
    {
        long last = recording.StartTimestamp;
        foreach (var e in recording.Events)
            last = Math.Max(last, e.Timestamp);
        foreach (var s in recording.GcSamples)
            last = Math.Max(last, s.Timestamp);
        return Ms(last);
    }

    private void WriteTotals(Utf8JsonWriter w, LiveBytesSeries live)
    {
        var objects = report.Objects;
        var gc = recording.GcSamples;
        w.WriteStartObject("totals");
        w.WriteNumber("events", recording.Events.Count);
        w.WriteNumber("objects", objects.Count);
        w.WriteNumber("bytes", objects.Sum(o => o.Size));
        w.WriteNumber("liveObjects", ObjectTotals.Of(objects).LiveCount);
        w.WriteNumber("liveBytes", live.FinalBytes);
        w.WriteNumber("peakBytes", live.PeakBytes);
        w.WriteNumber("leaks", report.Leaks.Count);
        w.WriteNumber("leakedBytes", report.Leaks.Sum(l => l.Size));
        w.WriteNumber("violations", report.Violations.Count);
        w.WriteNumber("dropped", recording.DroppedEvents);
        w.WriteNumber("faults", recording.InternalFaults);
        // CollectionCount(0) counts every collection (a gen2 GC also collects gen0); the difference covers the recording only.
        w.WriteNumber("gcCollections", gc.Count == 0 ? 0 : gc[^1].Gen0Collections - (gc.Count > 1 ? gc[0].Gen0Collections : 0));
        w.WriteNumber("gen2Collections", gc.Count == 0 ? 0 : gc[^1].Gen2Collections - (gc.Count > 1 ? gc[0].Gen2Collections : 0));
        w.WriteNumber("nativeBlocks", report.NativeBlocks.Count);
        w.WriteNumber("threads", recording.Threads.Count);
        w.WriteEndObject();
    }

    private void WriteObjects(Utf8JsonWriter w)
    {
        var objects = report.Objects;
        var activityNames = new Dictionary<long, string>();
        foreach (var info in recording.Activities)
            activityNames[info.Id] = info.OperationName;
        var holdings = objects.SelectMany(o => o.Holdings).ToList();

        w.WriteStartObject("obj");
        Columns.Ints(w, "id", objects, o => o.Id);
        Columns.Ints(w, "type", objects, o => S(o.TypeName));
        Columns.Ints(w, "size", objects, o => o.Size);
        Columns.Ints(w, "site", objects, o => Site(o.AllocSite));
        Columns.Times(w, "alloc", objects, o => Ms(o.AllocatedAt ?? o.FirstSeenAt));
        Columns.Times(w, "end", objects, o => Ms(o.CollectedAt));
        Columns.Times(w, "disp", objects, o => Ms(o.DisposedAt));
        Columns.Ints(w, "var", objects, o => S(o.LastVariable));
        Columns.Ints(w, "thread", objects, o => o.AllocThread ?? -1);
        Columns.Ints(w, "w", objects, o => o.LiveWeight);
        Columns.Ints(w, "act", objects, o => o.AllocActivity != 0 ? S(activityNames.GetValueOrDefault(o.AllocActivity, "(unknown activity)")) : -1);
        w.WriteStartArray("hold");
        int offset = 0;
        w.WriteNumberValue(0);
        foreach (var o in objects)
            w.WriteNumberValue(offset += o.Holdings.Count);
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartObject("hold");
        Columns.Ints(w, "name", holdings, h => S(h.Site.Name));
        Columns.Ints(w, "site", holdings, h => Site(h.Site));
        Columns.Times(w, "bound", holdings, h => Ms(h.BoundAt));
        Columns.Times(w, "rel", holdings, h => Ms(h.ReleasedAt));
        Columns.Ints(w, "end", holdings, h => S(h.EndReason.ToString()));
        Columns.Ints(w, "endSite", holdings, h => Site(h.EndSite));
        Columns.Ints(w, "repl", holdings, h => h.ReplacedBy ?? -1);
        w.WriteEndObject();
    }

    private void WriteLeaks(Utf8JsonWriter w)
    {
        var leaks = report.Leaks;
        w.WriteStartObject("leak");
        Columns.Ints(w, "obj", leaks, l => l.Subject);
        Columns.Ints(w, "kind", leaks, l => S(l.Kind));
        Columns.Ints(w, "type", leaks, l => S(l.TypeName));
        Columns.Ints(w, "size", leaks, l => l.Size);
        Columns.Ints(w, "var", leaks, l => S(l.Variable));
        Columns.Ints(w, "site", leaks, l => Site(l.CreatedAt));
        Columns.Ints(w, "reason", leaks, l => S(l.Reason));
        w.WriteEndObject();
    }

    private void WriteViolations(Utf8JsonWriter w)
    {
        var violations = report.Violations;
        w.WriteStartObject("viol");
        Columns.Ints(w, "kind", violations, v => S(v.Kind));
        Columns.Ints(w, "sev", violations, v => S(v.Severity.Name()));
        Columns.Ints(w, "msg", violations, v => S(v.Message));
        Columns.Ints(w, "obj", violations, v => v.Subject);
        Columns.Ints(w, "type", violations, v => S(v.TypeName));
        Columns.Ints(w, "var", violations, v => S(v.Variable));
        Columns.Ints(w, "site", violations, v => Site(v.Site));
        Columns.Ints(w, "rel", violations, v => Site(v.RelatedSite));
        Columns.Ints(w, "thread", violations, v => v.Thread);
        Columns.Times(w, "t", violations, v => Ms(v.Timestamp));
        w.WriteEndObject();
    }

    private void WriteNative(Utf8JsonWriter w)
    {
        var blocks = report.NativeBlocks.Concat(report.GcHandles).Concat(report.PoolRents).ToList();
        w.WriteStartObject("native");
        Columns.Ints(w, "kind", blocks, b => S(b.Kind));
        Columns.Ints(w, "api", blocks, b => S(b.Api));
        Columns.Ints(w, "key", blocks, b => b.Key);
        Columns.Ints(w, "size", blocks, b => b.Size);
        Columns.Ints(w, "site", blocks, b => Site(b.AcquiredSite));
        Columns.Times(w, "at", blocks, b => Ms(b.AcquiredAt));
        Columns.Ints(w, "thread", blocks, b => b.Thread);
        Columns.Ints(w, "status", blocks, b => S(b.Status.ToString()));
        Columns.Times(w, "relAt", blocks, b => Ms(b.ReleasedAt));
        Columns.Ints(w, "relSite", blocks, b => Site(b.ReleasedSite));
        w.WriteEndObject();
    }

    private void WriteHandles(Utf8JsonWriter w)
    {
        var handles = report.Handles;
        var steps = handles.SelectMany(h => h.Steps).ToList();
        w.WriteStartObject("handle");
        Columns.Ints(w, "obj", handles, h => h.ObjectId);
        Columns.Ints(w, "raw", handles, h => h.RawHandle);
        Columns.Ints(w, "open", handles, h => Site(h.OpenedAt));
        Columns.Ints(w, "close", handles, h => Site(h.ClosedAt));
        w.WriteStartArray("steps");
        int offset = 0;
        w.WriteNumberValue(0);
        foreach (var h in handles)
            w.WriteNumberValue(offset += h.Steps.Count);
        w.WriteEndArray();
        Columns.Ints(w, "sKind", steps, s => S(s.Kind));
        Columns.Times(w, "sT", steps, s => Ms(s.Timestamp));
        Columns.Ints(w, "sCount", steps, s => s.Count);
        Columns.Ints(w, "sSite", steps, s => Site(s.Site));
        w.WriteEndObject();
    }

    private void WritePInvoke(Utf8JsonWriter w)
    {
        var calls = report.PInvokeSites;
        w.WriteStartObject("pinv");
        Columns.Ints(w, "site", calls, c => Site(c.Site));
        Columns.Ints(w, "calls", calls, c => c.Calls);
        Columns.Doubles(w, "totalMs", calls, c => recording.TicksToMilliseconds(c.TotalTicks));
        Columns.Doubles(w, "maxMs", calls, c => recording.TicksToMilliseconds(c.MaxTicks));
        Columns.Ints(w, "ptr", calls, c => c.PointerArguments);
        Columns.Ints(w, "hnd", calls, c => c.HandleArguments);
        Columns.Ints(w, "threads", calls, c => c.Threads.Count);
        w.WriteEndObject();
    }

    private void WriteAggregates(Utf8JsonWriter w)
    {
        var types = AllocationTotals.ByType(report.Objects);
        w.WriteStartObject("types");
        Columns.Ints(w, "type", types, t => S(t.TypeName));
        Columns.Ints(w, "objects", types, t => t.Totals.Count);
        Columns.Ints(w, "bytes", types, t => t.Totals.Bytes);
        Columns.Ints(w, "live", types, t => t.Totals.LiveCount);
        Columns.Ints(w, "liveBytes", types, t => t.Totals.LiveBytes);
        w.WriteEndObject();

        var sites = AllocationTotals.BySite(report.Objects);
        w.WriteStartObject("sites");
        Columns.Ints(w, "site", sites, t => Site(t.Site));
        Columns.Ints(w, "type", sites, t => S(t.TypeName));
        Columns.Ints(w, "objects", sites, t => t.Totals.Count);
        Columns.Ints(w, "bytes", sites, t => t.Totals.Bytes);
        Columns.Ints(w, "live", sites, t => t.Totals.LiveCount);
        Columns.Ints(w, "liveBytes", sites, t => t.Totals.LiveBytes);
        w.WriteEndObject();
    }

    private void WriteTimeline(Utf8JsonWriter w, LiveBytesSeries live)
    {
        var points = live.Points;
        w.WriteStartObject("tl");
        Columns.Doubles(w, "t", points, p => p.Ms);
        Columns.Ints(w, "live", points, p => p.Bytes);
        w.WriteEndObject();

        var gc = recording.GcSamples;
        w.WriteStartObject("gc");
        Columns.Doubles(w, "t", gc, s => Ms(s.Timestamp));
        Columns.Ints(w, "heap", gc, s => s.HeapBytes);
        Columns.Ints(w, "frag", gc, s => s.FragmentedBytes);
        Columns.Ints(w, "gen0", gc, s => s.Gen0Collections);
        Columns.Ints(w, "gen2", gc, s => s.Gen2Collections);
        w.WriteEndObject();
    }

    private void WriteDiagnosis(Utf8JsonWriter w)
    {
        w.WriteStartArray("diag");
        foreach (var f in patterns?.Diagnosis ?? [])
        {
            w.WriteStartObject();
            w.WriteNumber("rank", f.Rank);
            w.WriteString("sev", f.Severity.ToString());
            w.WriteString("kind", f.Kind);
            w.WriteString("msg", f.Message);
            w.WriteNumber("bytes", f.Bytes);
            w.WriteNumber("site", Site(f.Site));
            w.WriteStartArray("ev");
            foreach (var e in f.Evidence)
                w.WriteStringValue(e);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private void WriteThreadsAndActivities(Utf8JsonWriter w)
    {
        var threads = patterns?.Threads ?? [];
        w.WriteStartObject("threads");
        Columns.Ints(w, "id", threads, t => t.ThreadId);
        Columns.Ints(w, "name", threads, t => S(t.Name));
        Columns.Ints(w, "objects", threads, t => t.Objects);
        Columns.Ints(w, "bytes", threads, t => t.Bytes);
        w.WriteEndObject();

        var activities = patterns?.Activities ?? [];
        w.WriteStartObject("acts");
        Columns.Ints(w, "name", activities, a => S(a.Activity.OperationName));
        Columns.Ints(w, "objects", activities, a => a.Objects);
        Columns.Ints(w, "bytes", activities, a => a.Bytes);
        Columns.Ints(w, "threads", activities, a => a.Threads);
        w.WriteEndObject();
    }
}
