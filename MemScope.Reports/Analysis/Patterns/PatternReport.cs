using System.Collections.Generic;
using MemScopeTrace.Model;

namespace MemScopeReports.Analysis.Patterns;

/// <summary>Everything the pattern analysis found in one recording, and the ranked diagnosis built from it.</summary>
public sealed class PatternReport
{
    public required PatternOptions Options { get; init; }

    /// <summary>The time covered by events and GC samples, in milliseconds since the session started.</summary>
    public required double FromMs { get; init; }
    public required double ToMs { get; init; }

    public required IReadOnlyList<Finding> Diagnosis { get; init; }
    public required IReadOnlyList<ChurnSite> ChurnSites { get; init; }
    public required IReadOnlyList<LargeObjectSite> LargeObjectSites { get; init; }
    public required IReadOnlyList<GrowthTrend> GrowthByType { get; init; }
    public required IReadOnlyList<GrowthTrend> GrowthBySite { get; init; }
    public required IReadOnlyList<FinalizerReliance> FinalizerReliance { get; init; }

    /// <summary>Null when fewer than two GC samples were taken: no window to count collections in.</summary>
    public required Gen2Pressure? Gen2Pressure { get; init; }
    public required Pinning Pinning { get; init; }
    public required PInvokeTime PInvokeTime { get; init; }
    public required IReadOnlyList<ThreadAllocations> Threads { get; init; }

    /// <summary>Allocations per System.Diagnostics.Activity; empty when tracked code ran under none.</summary>
    public required IReadOnlyList<ActivityAllocations> Activities { get; init; }
    public required IReadOnlyList<HandlerLeak> HandlerLeaks { get; init; }

    /// <summary>Subscribers still attached at the end to an event of a live publisher (from the woven `+=`/`-=`).</summary>
    public required IReadOnlyList<EventSubscriptionLeak> EventSubscriptionLeaks { get; init; }
}

/// <summary>An allocation site whose objects mostly die young: allocation rate the GC pays for.</summary>
/// <remarks>
/// Objects: Objects allocated at the site.<br/>
/// ShortLived: Of them, collected within <see cref="PatternOptions.ShortLivedMilliseconds"/>.<br/>
/// MedianLifetimeMs: Median allocation-to-collection time of the site's collected objects.<br/>
/// ShortLivedBytes: Bytes of the short-lived objects.<br/>
/// </remarks>
public sealed record ChurnSite(SiteInfo Site, string TypeName, int Objects, int ShortLived, double MedianLifetimeMs, long ShortLivedBytes, long Bytes);

/// <summary>An allocation site of objects of at least <see cref="PatternOptions.LargeObjectBytes"/>: they go to the LOH, collected only with gen2.</summary>
public sealed record LargeObjectSite(SiteInfo Site, string TypeName, int Objects, long Bytes, long LargestBytes, int StillLive);

/// <summary>
/// Live bytes (allocated by tracked code, not yet collected) of one type or one site, fitted by least squares.
/// <see cref="Site"/> is null for a per-type trend.
/// </summary>
/// <remarks>
/// Points: One point per allocation or collection that changed the live bytes.<br/>
/// BytesPerSecond: The fitted slope.<br/>
/// Fit: R² of the fit: 1 is a straight line.<br/>
/// </remarks>
public sealed record GrowthTrend(
    string TypeName,
    SiteInfo? Site,
    int Points,
    double BytesPerSecond,
    double Fit,
    double FromMs,
    double ToMs,
    long FirstLiveBytes,
    long LastLiveBytes,
    long PeakLiveBytes,
    int Objects)
{
    /// <summary>What the fitted line adds over the window.</summary>
    public long FittedGrowthBytes => (long)(BytesPerSecond * (ToMs - FromMs) / 1000.0);
}

/// <summary>Disposables of one type and site that were never disposed and were cleaned up by the GC and finalizer instead.</summary>
/// <remarks>
/// Finalized: Objects whose finalizer ran (a Finalized event) without an earlier Dispose.<br/>
/// CollectedWithoutDispose: Objects collected without Dispose (with or without a recorded finalizer run).<br/>
/// </remarks>
public sealed record FinalizerReliance(SiteInfo? Site, string TypeName, int Objects, int Finalized, int CollectedWithoutDispose, long Bytes);

/// <summary>Collections counted between the first and the last GC sample. Gen0 counts every collection, gen2 the full ones.</summary>
public sealed record Gen2Pressure(
    int Samples,
    double FromMs,
    double ToMs,
    int Collections,
    int Gen1Collections,
    int Gen2Collections,
    double Gen2PerSecond,
    double Gen2Share,
    double PauseMs,
    bool IsSignificant);

/// <summary>Pinned GCHandles by site, and the runtime's own pinned object counts from the GC samples.</summary>
public sealed record Pinning(IReadOnlyList<PinnedSite> Sites, int Samples, long MaxPinnedObjects, double? MaxPinnedObjectsAtMs);

/// <summary>GCHandle.Alloc(…, Pinned) calls of one site; handles still pinned at the end count until the end of the recording.</summary>
public sealed record PinnedSite(SiteInfo Site, int Handles, int StillPinned, double MaxPinnedMs, double TotalPinnedMs);

/// <summary>P/Invoke time by call site, and its total against the recorded span.</summary>
public sealed record PInvokeTime(double TotalMs, double RecordingMs, int Calls, IReadOnlyList<PInvokeShare> Sites);

/// <remarks>
/// Share: The site's part of all P/Invoke time (0..1).<br/>
/// </remarks>
public sealed record PInvokeShare(PInvokeSite Call, double TotalMs, double MaxMs, double Share);

/// <summary>Objects allocated by tracked code on one thread.</summary>
public sealed record ThreadAllocations(int ThreadId, string? Name, int Objects, long Bytes, double ShareOfBytes);

/// <summary>
/// A delegate-typed field stored again and again and never cleared, still holding delegates at the end:
/// the stream's visible signature of handlers that are subscribed and never unsubscribed.
/// </summary>
/// <remarks>
/// Field: The field as Type.field.<br/>
/// Stores: Stores of a delegate into the field (subscriptions, or plain assignments).<br/>
/// StillAttached: Delegates the field (across its instances) still held at the end.<br/>
/// Bytes: Bytes of those delegates, where the tracked code allocated them.<br/>
/// </remarks>
public sealed record HandlerLeak(string Field, string DelegateType, int Stores, int StillAttached, long Bytes, SiteInfo FirstStore, SiteInfo LastStore);

/// <summary>What tracked code allocated while running under one Activity (a request, an operation), on how many threads.</summary>
public sealed record ActivityAllocations(ActivityInfo Activity, int Objects, long Bytes, int Threads);

/// <summary>
/// A subscriber kept reachable by a publisher's event: subscribed (at <see cref="SubscribedAt"/>) more often than it
/// unsubscribed, while the publisher stayed alive. A null <see cref="PublisherType"/> is a static event.
/// </summary>
public sealed record EventSubscriptionLeak(
    string Event,
    string SubscriberType,
    string? SubscriberVariable,
    string? PublisherType,
    string? PublisherVariable,
    int StillAttached,
    int Subscriptions,
    long SubscriberBytes,
    SiteInfo SubscribedAt);
