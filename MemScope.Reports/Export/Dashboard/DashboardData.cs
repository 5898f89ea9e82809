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
/// Times are milliseconds since the recording started. The patterns are asked for only when the diagnosis is
/// written, near the end: an export finds them while the objects are being written.
/// </summary>
internal sealed class DashboardData(Recording recording, LifecycleReport report, Func<PatternReport?> patternsWhenNeeded, string name, EditorLink editor)
{
    private PatternReport? _patterns;

    private readonly StringTable _strings = new();
    private SiteIndex? _sites;
    private string _root = "";
    // Native blocks, GCHandles and pooled arrays, in the order of the "native" table: leaks and violations refer to them by row.
    private List<NativeResource> _resources = new();
    private Dictionary<NativeResource, int> _resourceRow = new();
    private DashboardSelection? _shown;

    public void Write(Utf8JsonWriter w)
    {
        _sites = new SiteIndex(_strings);
        _root = SourceRoot.Of(recording.Sites.All.Select(s => s.File));
        long end = EndTimestamp();
        _shown = DashboardSelection.Of(report, end);
        _resources = _shown.Resources;
        _resourceRow = new Dictionary<NativeResource, int>(_resources.Count, ReferenceEqualityComparer.Instance);
        for (int i = 0; i < _resources.Count; i++)
            _resourceRow[_resources[i]] = i;
        double duration = Ms(end);
        var live = LiveBytesSeries.Of(recording, report.Objects, report.NativeBlocks, duration);

        w.WriteStartObject();
        w.WriteNumber("v", 2);
        w.WriteString("name", name);
        w.WriteString("startedAt", recording.StartedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteNumber("durationMs", Columns.Ms(duration));
        // Locations are shown relative to the folder all source files share; the editor link gets the full path.
        w.WriteString("root", _root);
        w.WriteString("editor", editor.Template);
        w.WriteString("editorName", editor.Name);
        WriteTotals(w, live);
        WriteShown(w);
        WriteObjects(w);
        WriteLeaks(w);
        WriteViolations(w);
        WriteNative(w);
        WriteHandles(w);
        WritePInvoke(w);
        WriteAggregates(w);
        WriteTimeline(w, live);
        _patterns = patternsWhenNeeded();
        WriteDiagnosis(w);
        WriteThreadsAndActivities(w);
        _sites.Write(w, "site");
        _strings.Write(w, "str");
        w.WriteEndObject();
    }

    /// <summary>An object's holdings, or its first and last ones when a loop bound it more often than the page keeps.</summary>
    private static void AddShownHoldings(List<Holding> shown, IReadOnlyList<Holding> holdings, int cap)
    {
        int half = cap / 2;
        if (holdings.Count <= cap)
        {
            for (int i = 0; i < holdings.Count; i++)
                shown.Add(holdings[i]);
            return;
        }
        for (int i = 0; i < half; i++)
            shown.Add(holdings[i]);
        for (int i = holdings.Count - (cap - half); i < holdings.Count; i++)
            shown.Add(holdings[i]);
    }

    private int S(string? text) => _strings.Of(text);
    private int Row(NativeResource? resource) => resource is not null && _resourceRow.TryGetValue(resource, out int row) ? row : -1;
    private int Site(SiteInfo? site) => _sites!.Of(site);
    private double Ms(long timestamp) => recording.ToMilliseconds(timestamp);
    private double? Ms(long? timestamp) => timestamp is { } t ? recording.ToMilliseconds(t) : null;

    private long EndTimestamp()
    {
        long last = recording.StartTimestamp;
        foreach (var e in EventArray.Of(recording))
            last = Math.Max(last, e.Timestamp);
        foreach (var s in recording.GcSamples)
            last = Math.Max(last, s.Timestamp);
        return last;
    }

    /// <summary>How many rows of each table the page carries, of how many the analysis found (see <see cref="DashboardSelection"/>).</summary>
    private void WriteShown(Utf8JsonWriter w)
    {
        var shown = _shown!;
        w.WriteStartObject("shown");
        w.WriteNumber("objects", shown.Objects.Count);
        w.WriteNumber("leaks", shown.Leaks.Count);
        w.WriteNumber("violations", shown.Violations.Count);
        w.WriteNumber("native", shown.Resources.Count);
        w.WriteNumber("nativeAll", report.NativeBlocks.Count + report.GcHandles.Count + report.PoolRents.Count);
        w.WriteNumber("holdingsPerObject", shown.HoldingsPerObject);
        w.WriteEndObject();
    }

    private void WriteTotals(Utf8JsonWriter w, LiveBytesSeries live)
    {
        var objects = report.Objects;
        var totals = ObjectTotals.Of(objects);
        var gc = recording.GcSamples;
        w.WriteStartObject("totals");
        w.WriteNumber("events", recording.Events.Count);
        w.WriteNumber("objects", objects.Count);
        w.WriteNumber("bytes", totals.Bytes);
        w.WriteNumber("liveObjects", totals.LiveCount);
        w.WriteNumber("liveBytes", totals.LiveBytes);
        w.WriteNumber("unwatched", totals.UnwatchedCount);
        w.WriteNumber("peakBytes", live.PeakBytes);
        w.WriteNumber("peakMs", Columns.Ms(live.PeakMs));
        w.WriteNumber("nativeBlocks", report.NativeBlocks.Count);
        w.WriteNumber("nativeBytes", report.NativeBlocks.Sum(b => b.Size));
        w.WriteNumber("nativeLive", report.NativeBlocks.Count(b => b.Status == BlockStatus.Live));
        w.WriteNumber("nativeLiveBytes", report.NativeBlocks.Where(b => b.Status == BlockStatus.Live).Sum(b => b.Size));
        w.WriteNumber("gcHandles", report.GcHandles.Count);
        w.WriteNumber("poolRents", report.PoolRents.Count);
        w.WriteNumber("safeHandles", report.Handles.Count);
        w.WriteNumber("pinvokeCalls", report.PInvokeSites.Sum(p => (long)p.Calls));
        w.WriteNumber("leaks", report.Leaks.Count);
        w.WriteNumber("leakedBytes", report.Leaks.Sum(l => l.Size));
        w.WriteNumber("violations", report.Violations.Count);
        w.WriteNumber("errors", report.Violations.Count(v => v.Severity == FindingSeverity.Error));
        w.WriteNumber("warnings", report.Violations.Count(v => v.Severity != FindingSeverity.Error));
        w.WriteNumber("dropped", recording.DroppedEvents);
        w.WriteNumber("faults", recording.InternalFaults);
        w.WriteNumber("gcSamples", gc.Count);
        // CollectionCount(0) counts every collection (a gen2 GC also collects gen0); the difference covers the recording only.
        w.WriteNumber("gcCollections", gc.Count == 0 ? 0 : gc[^1].Gen0Collections - (gc.Count > 1 ? gc[0].Gen0Collections : 0));
        w.WriteNumber("gen2Collections", gc.Count == 0 ? 0 : gc[^1].Gen2Collections - (gc.Count > 1 ? gc[0].Gen2Collections : 0));
        w.WriteNumber("threads", recording.Threads.Count);
        w.WriteEndObject();
    }

    private void WriteObjects(Utf8JsonWriter w)
    {
        var objects = _shown!.Objects;
        var activityNames = new Dictionary<long, string>();
        foreach (var info in recording.Activities)
            activityNames[info.Id] = info.OperationName;
        var holdings = new List<Holding>(objects.Count);
        foreach (var o in objects)
            AddShownHoldings(holdings, o.Holdings, _shown.HoldingsPerObject);
        // Where each object was first disposed (or its handle closed): the analysis keeps the time, the events the site.
        var disposedAt = new Dictionary<long, SiteInfo?>();
        foreach (var e in EventArray.Of(recording))
        {
            if (e.Kind is EventKind.Dispose or EventKind.HandleClose)
                disposedAt.TryAdd(e.ObjectId, e.Site == 0 ? null : recording.Sites[e.Site]);
        }

        w.WriteStartObject("obj");
        Columns.Ints(w, "id", objects, o => o.Id);
        Columns.Ints(w, "type", objects, o => S(o.TypeName));
        // -1: the runtime did not know the size (shown as unknown, never as "0 B").
        Columns.Ints(w, "size", objects, o => o.Size == 0 && !o.SizeKnown ? -1 : o.Size);
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
        {
            w.WriteNumberValue(offset += Math.Min(o.Holdings.Count, _shown.HoldingsPerObject));
            Json.JsonFile.FlushIfFull(w);
        }
        w.WriteEndArray();
        // Most objects are never disposed: the sites of those that are, by row, rather than a column of -1s.
        var disposed = Enumerable.Range(0, objects.Count).Where(i => objects[i].DisposedAt is not null).ToList();
        Columns.Ints(w, "dispRow", disposed, i => i);
        Columns.Ints(w, "dispSite", disposed, i => Site(disposedAt.GetValueOrDefault(objects[i].Id)));
        w.WriteEndObject();

        w.WriteStartObject("hold");
        Columns.Ints(w, "name", holdings, h => S(h.Site.Name));
        Columns.Ints(w, "site", holdings, h => Site(h.Site));
        Columns.Times(w, "bound", holdings, h => Ms(h.BoundAt));
        Columns.Times(w, "rel", holdings, h => Ms(h.ReleasedAt));
        Columns.Ints(w, "end", holdings, h => S(Json.LifetimeJson.EndWord(h.EndReason)));
        Columns.Ints(w, "endSite", holdings, h => Site(h.EndSite));
        Columns.Ints(w, "repl", holdings, h => h.ReplacedBy ?? -1);
        w.WriteEndObject();
    }

    private void WriteLeaks(Utf8JsonWriter w)
    {
        var leaks = _shown!.Leaks;
        w.WriteStartObject("leak");
        Columns.Ints(w, "obj", leaks, l => l.Subject);
        Columns.Ints(w, "kind", leaks, l => S(l.Kind));
        Columns.Ints(w, "type", leaks, l => S(l.TypeName));
        Columns.Ints(w, "size", leaks, l => l.Size);
        Columns.Ints(w, "var", leaks, l => S(l.Variable));
        Columns.Ints(w, "site", leaks, l => Site(l.CreatedAt));
        Columns.Ints(w, "reason", leaks, l => S(Relative(l.Reason)));
        Columns.Ints(w, "native", leaks, l => Row(l.Resource));
        w.WriteEndObject();
    }

    private void WriteViolations(Utf8JsonWriter w)
    {
        var violations = _shown!.Violations;
        w.WriteStartObject("viol");
        Columns.Ints(w, "kind", violations, v => S(v.Kind));
        Columns.Ints(w, "sev", violations, v => S(v.Severity.Name()));
        Columns.Ints(w, "msg", violations, v => S(Relative(v.Message)));
        Columns.Ints(w, "obj", violations, v => v.Subject);
        Columns.Ints(w, "type", violations, v => S(v.TypeName));
        Columns.Ints(w, "var", violations, v => S(v.Variable));
        Columns.Ints(w, "site", violations, v => Site(v.Site));
        Columns.Ints(w, "rel", violations, v => Site(v.RelatedSite));
        Columns.Ints(w, "thread", violations, v => v.Thread);
        Columns.Times(w, "t", violations, v => Ms(v.Timestamp));
        Columns.Ints(w, "native", violations, v => Row(v.Resource));
        w.WriteEndObject();
    }

    private void WriteNative(Utf8JsonWriter w)
    {
        var blocks = _resources;
        var steps = blocks.SelectMany(b => b.Steps).ToList();
        w.WriteStartObject("native");
        Columns.Ints(w, "kind", blocks, b => S(b.Kind));
        Columns.Ints(w, "api", blocks, b => S(b.Api));
        Columns.Ints(w, "key", blocks, b => b.Key);
        // -1 for a GCHandle: it has no size of its own.
        Columns.Ints(w, "size", blocks, b => b.Kind is "nativeBlock" or "poolArray" ? b.Size : -1);
        Columns.Ints(w, "var", blocks, b => S(b.Variable));
        Columns.Ints(w, "site", blocks, b => Site(b.AcquiredSite));
        Columns.Times(w, "at", blocks, b => Ms(b.AcquiredAt));
        Columns.Ints(w, "thread", blocks, b => b.Thread);
        Columns.Ints(w, "status", blocks, b => S(Json.UnsafeFfiJson.StatusWord(b.Status)));
        Columns.Times(w, "relAt", blocks, b => Ms(b.ReleasedAt));
        Columns.Ints(w, "relSite", blocks, b => Site(b.ReleasedSite));
        Columns.Ints(w, "more", blocks, b => b.CallsNotKept);
        w.WriteStartArray("steps");
        int offset = 0;
        w.WriteNumberValue(0);
        foreach (var b in blocks)
            w.WriteNumberValue(offset += b.Steps.Count);
        w.WriteEndArray();
        Columns.Ints(w, "sKind", steps, s => S(StepWord(s.Kind)));
        Columns.Times(w, "sT", steps, s => Ms(s.Timestamp));
        Columns.Ints(w, "sThread", steps, s => s.Thread);
        Columns.Ints(w, "sSite", steps, s => Site(s.Site));
        Columns.Ints(w, "sVal", steps, s => s.Value);
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
        var arguments = report.HandleArguments;
        Columns.Ints(w, "aObj", arguments, a => a.ObjectId);
        Columns.Ints(w, "aSite", arguments, a => Site(a.Call));
        Columns.Times(w, "aT", arguments, a => Ms(a.Timestamp));
        Columns.Ints(w, "aThread", arguments, a => a.Thread);
        Columns.Ints(w, "aIdx", arguments, a => a.Argument);
        Columns.Ints(w, "aClosed", arguments, a => a.AfterClose ? 1 : 0);
        w.WriteEndObject();
    }

    private static string StepWord(ResourceStepKind kind) => kind switch
    {
        ResourceStepKind.Acquired => "acquired",
        ResourceStepKind.Released => "released",
        ResourceStepKind.ReleasedAgain => "releasedAgain",
        ResourceStepKind.Moved => "moved",
        ResourceStepKind.PassedToNative => "passedToNative",
        _ => "passedAfterRelease",
    };

    /// <summary>Text that names source files, with their paths relative to the common source folder.</summary>
    private string Relative(string text) => _root.Length == 0 ? text : text.Replace(_root, "", StringComparison.Ordinal);

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
        var types = AllocationTotals.ByType(report);
        w.WriteStartObject("types");
        Columns.Ints(w, "type", types, t => S(t.TypeName));
        Columns.Ints(w, "objects", types, t => t.Totals.Count);
        Columns.Ints(w, "bytes", types, t => t.Totals.Bytes);
        Columns.Ints(w, "live", types, t => t.Totals.LiveCount);
        Columns.Ints(w, "liveBytes", types, t => t.Totals.LiveBytes);
        w.WriteEndObject();

        var sites = AllocationTotals.BySite(report);
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
        Columns.Ints(w, "live", points, p => p.Total);
        Columns.Ints(w, "native", points, p => p.Native);
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
        foreach (var f in _patterns?.Diagnosis ?? [])
        {
            // A leak or violation finding opens the first leak or violation of its group: the story behind it.
            int leak = f.Kind.StartsWith("leak.", StringComparison.Ordinal)
                ? _shown!.Leaks.FindIndex(l => "leak." + l.Kind == f.Kind && l.CreatedAt?.Id == f.Site?.Id) : -1;
            int violation = f.Kind.StartsWith("violation.", StringComparison.Ordinal)
                ? _shown!.Violations.FindIndex(v => "violation." + v.Kind == f.Kind && v.Site?.Id == f.Site?.Id) : -1;
            string where = f.Site is null ? "" : Wording.Site(f.Site);
            w.WriteStartObject();
            w.WriteNumber("rank", f.Rank);
            w.WriteString("sev", SeverityWord(f.Severity));
            w.WriteString("kind", f.Kind);
            // The location is shown once, beside the message, as a link: the message does not repeat it.
            w.WriteString("msg", Relative(where.Length == 0 ? f.Message : f.Message.Replace(" at " + where, "", StringComparison.Ordinal)));
            w.WriteNumber("bytes", f.Bytes);
            w.WriteNumber("count", f.Count);
            w.WriteNumber("site", Site(f.Site));
            w.WriteNumber("leak", leak);
            w.WriteNumber("viol", violation);
            w.WriteStartArray("ev");
            foreach (var e in f.Evidence)
            {
                if (RepeatsTheFinding(e, where, leak >= 0 || violation >= 0))
                    continue;
                w.WriteStringValue(Relative(e));
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static string SeverityWord(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>
    /// Evidence the page already shows: the finding's own location, and for a leak or violation what its drill-down
    /// tells in full (the related site, the count of the analysis's own vocabulary).
    /// </summary>
    private static bool RepeatsTheFinding(string evidence, string where, bool opensAStory)
    {
        if (where.Length > 0 && (evidence == "at " + where || evidence == "created at " + where || evidence == "allocated at " + where))
            return true;
        return opensAStory && (evidence.StartsWith("related site: ", StringComparison.Ordinal) || evidence.Contains(" in the lifecycle analysis", StringComparison.Ordinal));
    }

    private void WriteThreadsAndActivities(Utf8JsonWriter w)
    {
        var threads = _patterns?.Threads ?? [];
        w.WriteStartObject("threads");
        Columns.Ints(w, "id", threads, t => t.ThreadId);
        Columns.Ints(w, "name", threads, t => S(t.Name));
        Columns.Ints(w, "objects", threads, t => t.Objects);
        Columns.Ints(w, "bytes", threads, t => t.Bytes);
        w.WriteEndObject();

        var activities = _patterns?.Activities ?? [];
        w.WriteStartObject("acts");
        Columns.Ints(w, "name", activities, a => S(a.Activity.OperationName));
        Columns.Ints(w, "objects", activities, a => a.Objects);
        Columns.Ints(w, "bytes", activities, a => a.Bytes);
        Columns.Ints(w, "threads", activities, a => a.Threads);
        w.WriteEndObject();
    }
}
