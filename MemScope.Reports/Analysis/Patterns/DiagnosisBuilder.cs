using System;
using System.Collections.Generic;
using System.Linq;
using static MemScopeReports.Analysis.Patterns.Wording;
using MemScopeTrace.Model;

namespace MemScopeReports.Analysis.Patterns;

/// <summary>
/// The ranked diagnosis: leaks, violations and patterns turned into findings, grouped by site so one
/// loop's thousand leaks are one finding, ranked by severity, then bytes, then count.
/// </summary>
internal sealed class DiagnosisBuilder
{
    private sealed class Candidate
    {
        public Candidate(string kind, FindingSeverity severity, string message, long bytes, long count, SiteInfo? site)
        {
            Kind = kind;
            Severity = severity;
            Message = message;
            Bytes = bytes;
            Count = count;
            Site = site;
        }

        public string Kind { get; }
        public FindingSeverity Severity { get; }
        public string Message { get; }
        public long Bytes { get; }
        public long Count { get; }
        public SiteInfo? Site { get; }
        public List<string> Evidence { get; } = new();
    }

    private readonly List<Candidate> _candidates = new();
    private readonly Dictionary<(int Site, string Type), Candidate> _leaksBySiteAndType = new();
    private readonly AnalysisContext _context;

    public DiagnosisBuilder(AnalysisContext context) => _context = context;

    private PatternOptions Options => _context.Options;

    private Candidate Add(string kind, FindingSeverity severity, string message, long bytes, long count, SiteInfo? site, params string[] evidence)
    {
        var candidate = new Candidate(kind, severity, message, bytes, count, site);
        candidate.Evidence.AddRange(evidence);
        _candidates.Add(candidate);
        return candidate;
    }

    public void AddLeaks(IEnumerable<Leak> leaks)
    {
        foreach (var group in leaks.GroupBy(l => (l.Kind, Site: l.CreatedAt?.Id ?? 0, l.TypeName, l.Reason)))
        {
            var first = group.First();
            int count = group.Count();
            long bytes = group.Sum(l => l.Size);
            // A GCHandle has no size of its own: "0 bytes" would read as a measurement.
            string size = bytes == 0 ? "" : count == 1 ? $" ({Bytes(bytes)})" : $" ({Bytes(bytes)} in total)";
            string message = count == 1
                ? $"{first.TypeName} in '{first.Variable ?? "?"}' created at {Site(first.CreatedAt)}: {first.Reason}{size}."
                : $"{Count(count)} {first.TypeName} objects created at {Site(first.CreatedAt)}: {first.Reason}{size}.";
            var variables = group.Select(l => l.Variable).Where(v => v is not null).Distinct().Take(3).ToList();
            var candidate = Add("leak." + first.Kind, FindingSeverity.Error, message, bytes, count, first.CreatedAt,
                $"created at {Site(first.CreatedAt)}",
                $"{Count(count)} {Plural(count, "leak", "leaks")} of kind '{first.Kind}' in the lifecycle analysis; bytes are their recorded sizes");
            if (variables.Count > 0)
                candidate.Evidence.Add("held last by " + string.Join(", ", variables.Select(v => $"'{v}'")));
            _leaksBySiteAndType.TryAdd((first.CreatedAt?.Id ?? 0, first.TypeName), candidate);
        }
    }

    public void AddViolations(IEnumerable<Violation> violations)
    {
        foreach (var group in violations.GroupBy(v => (v.Kind, Site: v.Site?.Id ?? 0, Related: v.RelatedSite?.Id ?? 0)))
        {
            var first = group.First();
            int count = group.Count();
            string message = count == 1 ? first.Message : $"{first.Message} ({Count(count)} times at this site).";
            var severity = first.Severity;
            var candidate = Add("violation." + first.Kind, severity, message, 0, count, first.Site,
                $"at {Site(first.Site)}",
                $"{Count(count)} {Plural(count, "occurrence", "occurrences")}, the first at {Ms(_context.Recording.ToMilliseconds(first.Timestamp))} on thread {first.Thread}");
            if (first.RelatedSite is not null)
                candidate.Evidence.Add($"related site: {Site(first.RelatedSite)}");
        }
    }

    public void AddChurn(IEnumerable<ChurnSite> sites)
    {
        foreach (var c in sites)
        {
            Add("churn", FindingSeverity.Warning,
                $"{Count(c.ShortLived)} of {Count(c.Objects)} {c.TypeName} objects allocated at {Site(c.Site)} were collected within {Ms(Options.ShortLivedMilliseconds)} " +
                $"(median lifetime {Ms(c.MedianLifetimeMs)}, {Bytes(c.ShortLivedBytes)}): allocation churn the GC pays for.",
                c.ShortLivedBytes, c.ShortLived, c.Site,
                $"allocated at {Site(c.Site)}",
                "lifetime: from each object's Alloc event to its Collected event",
                $"thresholds: ShortLivedMilliseconds = {Number(Options.ShortLivedMilliseconds)}, ChurnMinObjects = {Count(Options.ChurnMinObjects)}");
        }
    }

    public void AddLargeObjects(IEnumerable<LargeObjectSite> sites)
    {
        foreach (var s in sites)
        {
            // One large buffer is normal; a site that keeps allocating them churns the large object heap.
            var severity = s.Objects > 1 ? FindingSeverity.Warning : FindingSeverity.Info;
            Add("largeObjectHeap", severity,
                $"{Count(s.Objects)} {s.TypeName} {Plural(s.Objects, "object", "objects")} of at least {Bytes(Options.LargeObjectBytes)} allocated at {Site(s.Site)} " +
                $"({Bytes(s.Bytes)}, largest {Bytes(s.LargestBytes)}, {Count(s.StillLive)} still live): {Plural(s.Objects, "it goes", "they go")} to the large object heap, which only gen2 collections reclaim.",
                s.Bytes, s.Objects, s.Site,
                $"allocated at {Site(s.Site)}",
                "sizes: the bytes recorded with each Alloc event");
        }
    }

    public void AddGrowth(IReadOnlyList<GrowthTrend> byType, IReadOnlyList<GrowthTrend> bySite)
    {
        // A type whose growth one site already explains would only repeat it.
        var explained = new HashSet<string>(bySite.Select(g => g.TypeName));
        foreach (var g in bySite.Concat(byType.Where(t => !explained.Contains(t.TypeName))))
        {
            string where = g.Site is null ? $"of type {g.TypeName}" : $"of {g.TypeName} allocated at {Site(g.Site)}";
            Add(g.Site is null ? "growth.type" : "growth.site", FindingSeverity.Warning,
                $"Live bytes {where} grew by {Count((long)g.BytesPerSecond)} bytes/s between {Ms(g.FromMs)} and {Ms(g.ToMs)}, " +
                $"from {Bytes(g.FirstLiveBytes)} to {Bytes(g.LastLiveBytes)} (peak {Bytes(g.PeakLiveBytes)}).",
                g.LastLiveBytes, g.Objects, g.Site,
                $"least-squares fit over {Count(g.Points)} points (each allocation and collection), R² = {g.Fit:0.00}",
                "live: allocated by tracked code and not yet collected",
                $"thresholds: GrowthMinPoints = {Options.GrowthMinPoints}, GrowthMinFit = {Number(Options.GrowthMinFit)}, GrowthMinBytes = {Count(Options.GrowthMinBytes)}");
        }
    }

    /// <summary>A group that is already a leak of the same site and type becomes evidence of that leak, not a second finding.</summary>
    public void AddFinalizerReliance(IEnumerable<FinalizerReliance> groups)
    {
        foreach (var f in groups)
        {
            string how = $"{Count(f.Finalized)} finalized and {Count(f.CollectedWithoutDispose)} collected, without Dispose";
            if (_leaksBySiteAndType.TryGetValue((f.Site?.Id ?? 0, f.TypeName), out var leak))
            {
                leak.Evidence.Add($"finalizer reliance: {how}");
                continue;
            }
            Add("finalizerReliance", FindingSeverity.Warning,
                $"{Count(f.Objects)} {f.TypeName} {Plural(f.Objects, "object", "objects")} created at {Site(f.Site)} were cleaned up by the GC instead of Dispose: {how} ({Bytes(f.Bytes)}).",
                f.Bytes, f.Objects, f.Site,
                $"created at {Site(f.Site)}",
                "from Finalized and Collected events with no Dispose before them");
        }
    }

    public void AddGen2Pressure(Gen2Pressure? gen2)
    {
        if (gen2 is not { IsSignificant: true })
            return;
        Add("gen2Pressure", FindingSeverity.Warning,
            $"{Count(gen2.Gen2Collections)} of {Count(gen2.Collections)} garbage collections between {Ms(gen2.FromMs)} and {Ms(gen2.ToMs)} were full gen2 collections " +
            $"({Percent(gen2.Gen2Share)}, {Number(gen2.Gen2PerSecond)} per second); all collections in that window paused the program {Ms(gen2.PauseMs)}.",
            0, gen2.Gen2Collections, null,
            $"from {Count(gen2.Samples)} GC samples: the differences of GC.CollectionCount(0) and GC.CollectionCount(2) and of the total pause time between the first and the last",
            $"thresholds: Gen2MinCollections = {Options.Gen2MinCollections}, Gen2MinShare = {Number(Options.Gen2MinShare)}");
    }

    public void AddPinning(Pinning pinning)
    {
        foreach (var p in pinning.Sites)
        {
            if (p.MaxPinnedMs < Options.LongPinMilliseconds)
                continue;
            var candidate = Add("pinning", FindingSeverity.Warning,
                $"{Count(p.Handles)} pinned {Plural(p.Handles, "GCHandle", "GCHandles")} allocated at {Site(p.Site)} stayed pinned up to {Ms(p.MaxPinnedMs)} " +
                $"({Count(p.StillPinned)} still pinned at the end): pinned objects stop the GC from compacting around them.",
                0, p.Handles, p.Site,
                $"allocated at {Site(p.Site)}",
                "durations: from GCHandle.Alloc(Pinned) to GCHandle.Free, or to the end of the recording",
                $"threshold: LongPinMilliseconds = {Number(Options.LongPinMilliseconds)}");
            if (pinning.MaxPinnedObjectsAtMs is { } at)
                candidate.Evidence.Add($"the GC reported up to {Count(pinning.MaxPinnedObjects)} pinned objects (sample at {Ms(at)})");
        }
    }

    public void AddPInvokeTime(PInvokeTime time)
    {
        if (time.RecordingMs <= 0 || time.Sites.Count == 0 || time.TotalMs < Options.PInvokeMinShareOfRecording * time.RecordingMs)
            return;
        var top = time.Sites[0];
        var candidate = Add("pinvokeTime", FindingSeverity.Info,
            $"P/Invoke calls took {Ms(time.TotalMs)} ({Count(time.Calls)} {Plural(time.Calls, "call", "calls")}), {Percent(time.TotalMs / time.RecordingMs)} of the {Ms(time.RecordingMs)} recorded; " +
            $"{top.Call.Site.Name ?? "?"} at {Site(top.Call.Site)} took {Percent(top.Share)} of it ({Count(top.Call.Calls)} {Plural(top.Call.Calls, "call", "calls")}).",
            0, time.Calls, top.Call.Site,
            "durations: the ticks recorded by each PInvokeExit event; several threads' calls can overlap, so the share can pass 100%");
        foreach (var s in time.Sites.Take(3))
            candidate.Evidence.Add($"{s.Call.Site.Name ?? "?"} at {Site(s.Call.Site)}: {Count(s.Call.Calls)} {Plural(s.Call.Calls, "call", "calls")}, {Ms(s.TotalMs)}, {Percent(s.Share)}");
    }

    public void AddHandlerLeaks(IEnumerable<HandlerLeak> leaks)
    {
        foreach (var h in leaks)
        {
            Add("eventHandlerLeak", FindingSeverity.Warning,
                $"Possible event-handler leak: delegate field {h.Field} ({h.DelegateType}) was stored {Count(h.Stores)} times, never cleared, " +
                $"and still held {Count(h.StillAttached)} {Plural(h.StillAttached, "delegate", "delegates")} at the end; whatever those handlers reference stays alive with it.",
                h.Bytes, h.Stores, h.LastStore,
                $"first store at {Site(h.FirstStore)}, last at {Site(h.LastStore)}",
                "from field Bind events; the stream does not record a delegate's target, so a field that is merely re-assigned matches too");
        }
    }

    public void AddSubscriptionLeaks(IEnumerable<EventSubscriptionLeak> leaks)
    {
        foreach (var l in leaks)
        {
            string publisher = l.PublisherType is null ? "a static event" : $"{l.PublisherType} '{l.PublisherVariable ?? "?"}', still alive,";
            Add("eventSubscriptionLeak", FindingSeverity.Warning,
                $"Event-handler leak: {l.SubscriberType} '{l.SubscriberVariable ?? "?"}' subscribed to {l.Event} at {Site(l.SubscribedAt)} and never unsubscribed; " +
                $"{publisher} keeps it reachable.",
                l.SubscriberBytes, l.StillAttached, l.SubscribedAt,
                $"{Count(l.Subscriptions)} {Plural(l.Subscriptions, "subscription", "subscriptions")}, {Count(l.StillAttached)} still attached at the end",
                "from the Subscribe/Unsubscribe events woven at += and -= in tracked code; the subscriber is the handler's target");
        }
    }

    public List<Finding> Build()
    {
        var ranked = _candidates
            .OrderByDescending(c => c.Severity)
            .ThenByDescending(c => c.Bytes)
            .ThenByDescending(c => c.Count)
            .ThenBy(c => c.Kind, StringComparer.Ordinal)
            .ThenBy(c => c.Message, StringComparer.Ordinal)
            .Take(Math.Max(0, Options.MaxFindings));
        var findings = new List<Finding>();
        foreach (var c in ranked)
            findings.Add(new Finding(findings.Count + 1, c.Kind, c.Severity, c.Message, c.Bytes, c.Count, c.Site, c.Evidence.ToArray()));
        return findings;
    }
}
