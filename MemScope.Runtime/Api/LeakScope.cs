using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using MemScopeReports.Analysis;

namespace MemScopeRuntime;

/// <summary>
/// What a test asserts about the tracked code it runs: <c>using var scope = MemScope.BeginScope();</c> …
/// <c>scope.AssertNoLeaks();</c>. The scope sees every thread, so run leak tests in a collection that
/// does not run in parallel with other tracked code.
/// </summary>
public sealed class LeakScope : IDisposable
{
    // Synced: every event recorded after the scope began is stamped at or after its start, on any thread.
    private readonly long _start = Capture.CoarseClock.Sync();

    private int _disposed;

    internal LeakScope() => Identity.CollectionWatch.LeakScopeOpened();

    /// <summary>
    /// Forces full collections (so "collected without Dispose" is known), then fails with every leak created
    /// in the scope: undisposed disposables, unfreed native blocks and GCHandles, unreturned pool arrays,
    /// open handles — each with its variable, type and file:line.
    /// </summary>
    public void AssertNoLeaks()
    {
        var leaks = Leaks();
        if (leaks.Count > 0)
            throw new MemScopeLeakException(leaks);
    }

    /// <summary>The leaks created in the scope so far, after forcing full collections.</summary>
    public IReadOnlyList<Leak> Leaks()
    {
        RequireEnabled();
        CollectEverything();
        return LifecycleAnalysis.Analyze(MemScope.Snapshot().Since(_start)).Leaks;
    }

    /// <summary>Objects and bytes allocated by tracked code since the scope began, by type and by site.</summary>
    public Traffic Traffic => Traffic.Of(RecordedObjects(_start));

    public ScopeCheckpoint Checkpoint() => new(Capture.CoarseClock.Sync());

    /// <summary>Tracked objects allocated after <paramref name="checkpoint"/>: which survive a full collection and which did not.</summary>
    public ScopeDifference Since(ScopeCheckpoint checkpoint)
    {
        RequireEnabled();
        CollectEverything();
        var allocated = RecordedObjects(checkpoint.Timestamp);
        return new ScopeDifference(allocated, allocated.Where(o => o.IsLive).ToList(), allocated.Where(o => !o.IsLive).ToList());
    }

    public void Dispose()
    {
        if (System.Threading.Interlocked.Exchange(ref _disposed, 1) == 0)
            Identity.CollectionWatch.LeakScopeClosed();
    }

    private static List<TrackedObject> RecordedObjects(long since) =>
        ObjectTimelines.Build(MemScope.Snapshot().Since(since)).Where(o => o.AllocSite is not null).ToList();

    private static void RequireEnabled()
    {
        if (!RuntimeSettings.Enabled)
            throw new InvalidOperationException("MemScope is disabled (MEMSCOPE_ENABLED=0): a leak scope has nothing to check.");
    }

    private static void CollectEverything()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }
}

/// <summary>A point in time inside a <see cref="LeakScope"/>.</summary>
public readonly record struct ScopeCheckpoint(long Timestamp);

/// <summary>Tracked objects allocated after a checkpoint, split by whether they survived a full collection.</summary>
public sealed record ScopeDifference(
    IReadOnlyList<TrackedObject> NewObjects,
    IReadOnlyList<TrackedObject> Survived,
    IReadOnlyList<TrackedObject> Collected);

/// <summary>Allocation traffic of tracked code: the counterpart of dotMemory Unit's GetTrafficFrom.</summary>
public sealed record Traffic(
    long Objects,
    long Bytes,
    IReadOnlyList<TrafficLine> ByType,
    IReadOnlyList<TrafficLine> BySite)
{
    internal static Traffic Of(List<TrackedObject> allocated) => new(
        allocated.Count,
        allocated.Sum(o => o.Size),
        allocated.GroupBy(o => o.TypeName).Select(g => new TrafficLine(g.Key, g.Count(), g.Sum(o => o.Size))).OrderByDescending(l => l.Bytes).ToList(),
        allocated.GroupBy(o => o.AllocSite!).Select(g => new TrafficLine(g.Key.Location, g.Count(), g.Sum(o => o.Size))).OrderByDescending(l => l.Bytes).ToList());

    public TrafficLine? For(string typeName) => ByType.FirstOrDefault(l => l.Key == typeName);
}

public sealed record TrafficLine(string Key, long Objects, long Bytes);

/// <summary>Thrown by <see cref="LeakScope.AssertNoLeaks"/>: one line per leak, with variable, type and file:line.</summary>
public sealed class MemScopeLeakException : Exception
{
    public MemScopeLeakException(IReadOnlyList<Leak> leaks)
        : base($"{leaks.Count} leak(s) in the scope:{Environment.NewLine}" + string.Join(Environment.NewLine, leaks.Select(l => "  " + l.Describe())))
    {
        Leaks = leaks;
    }

    public IReadOnlyList<Leak> Leaks { get; }
}
