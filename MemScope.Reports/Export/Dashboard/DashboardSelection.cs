using System;
using System.Collections.Generic;
using MemScopeReports.Analysis;

namespace MemScopeReports.Export.Dashboard;

/// <summary>
/// Which rows the dashboard carries in full, so that the page stays small enough to open however long the recording.
/// Totals, aggregates and the timeline always cover everything; per-row detail is kept for every finding (up to a
/// limit) and, for objects, for those the findings name, then the largest and the longest-lived. Below the limits
/// the page shows every row, in the analysis's order.
/// </summary>
internal sealed class DashboardSelection
{
    // Page bytes a row, measured on synthetic recordings: an object about 45, a holding about 35, a leak about 35, a
    // violation about 60, a native resource about 60 and a step of one about 25. At the limits: 11 + 9 + 0.4 + 0.6 +
    // 0.6 + 1.3 MB, with room for the aggregates, the timeline, the names and the script below 25 MB.
    public const int ObjectLimit = 250_000;
    public const int HoldingLimit = 250_000;
    public const int LeakLimit = 10_000;
    public const int ViolationLimit = 10_000;
    public const int ResourceLimit = 10_000;

    /// <summary>A native block passed to native code keeps up to 200 calls: the resources a page carries keep at most this many steps in all.</summary>
    public const int ResourceStepLimit = 50_000;

    /// <summary>An object bound in a loop has a holding per store: its first and last holders tell its story.</summary>
    public const int MaxHoldingsPerObject = 64;

    private DashboardSelection(List<TrackedObject> objects, int holdingsPerObject, List<Leak> leaks, List<Violation> violations, List<NativeResource> resources)
    {
        Objects = objects;
        HoldingsPerObject = holdingsPerObject;
        Leaks = leaks;
        Violations = violations;
        Resources = resources;
    }

    /// <summary>The objects with a row on the page, in the order of <see cref="LifecycleReport.Objects"/>.</summary>
    public List<TrackedObject> Objects { get; }
    /// <summary>The most holdings shown for one object (its first and last ones): all objects' together stay within <see cref="HoldingLimit"/>.</summary>
    public int HoldingsPerObject { get; }

    public List<Leak> Leaks { get; }
    public List<Violation> Violations { get; }

    /// <summary>Native blocks, GCHandles and pooled arrays, in that order: leaks and violations refer to them by row.</summary>
    public List<NativeResource> Resources { get; }

    public static DashboardSelection Of(LifecycleReport report, long endTimestamp)
    {
        var leaks = FirstOfEachGroup(report.Leaks, LeakLimit, l => (l.Kind, l.CreatedAt?.Id ?? 0));
        var violations = FirstOfEachGroup(report.Violations, ViolationLimit, v => (v.Kind, v.Site?.Id ?? 0));
        var resources = SelectResources(report, leaks, violations);
        var objects = SelectObjects(report, leaks, violations, endTimestamp);
        return new DashboardSelection(objects, HoldingsCap(objects), leaks, violations, resources);
    }

    private static int HoldingsCap(List<TrackedObject> objects)
    {
        int cap = MaxHoldingsPerObject;
        // Down to the last holder alone: what holds the object at the end is the question the page answers first.
        while (cap > 1)
        {
            long total = 0;
            foreach (var obj in objects)
                total += Math.Min(obj.Holdings.Count, cap);
            if (total <= HoldingLimit)
                break;
            cap /= 2;
        }
        return cap;
    }

    /// <summary>
    /// Every row up to <paramref name="limit"/>; beyond it the first row of each group (a finding of the diagnosis
    /// opens the first leak or violation of its kind and site) and then the earliest rows, in their order.
    /// </summary>
    private static List<T> FirstOfEachGroup<T>(List<T> rows, int limit, Func<T, (string, int)> group)
    {
        if (rows.Count <= limit)
            return rows;
        var keep = new bool[rows.Count];
        var seen = new HashSet<(string, int)>();
        int kept = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            if (seen.Add(group(rows[i])))
            {
                keep[i] = true;
                kept++;
            }
        }
        for (int i = 0; i < rows.Count && kept < limit; i++)
        {
            if (!keep[i])
            {
                keep[i] = true;
                kept++;
            }
        }
        var selected = new List<T>(kept);
        for (int i = 0; i < rows.Count; i++)
        {
            if (keep[i])
                selected.Add(rows[i]);
        }
        return selected;
    }

    private static List<NativeResource> SelectResources(LifecycleReport report, List<Leak> leaks, List<Violation> violations)
    {
        int count = report.NativeBlocks.Count + report.GcHandles.Count + report.PoolRents.Count;
        var all = new List<NativeResource>(count);
        all.AddRange(report.NativeBlocks);
        all.AddRange(report.GcHandles);
        all.AddRange(report.PoolRents);
        if (count <= ResourceLimit && TotalSteps(all) <= ResourceStepLimit)
            return all;
        var named = new HashSet<NativeResource>(ReferenceEqualityComparer.Instance);
        foreach (var leak in leaks)
        {
            if (leak.Resource is { } resource)
                named.Add(resource);
        }
        foreach (var violation in violations)
        {
            if (violation.Resource is { } resource)
                named.Add(resource);
        }
        int room = Math.Max(0, ResourceLimit - named.Count);
        long steps = 0;
        foreach (var resource in named)
            steps += resource.Steps.Count;
        var selected = new List<NativeResource>(Math.Min(count, ResourceLimit + named.Count));
        foreach (var resource in all)
        {
            if (named.Contains(resource))
                selected.Add(resource);
            else if (room > 0 && steps + resource.Steps.Count <= ResourceStepLimit)
            {
                selected.Add(resource);
                steps += resource.Steps.Count;
                room--;
            }
        }
        return selected;
    }

    private static long TotalSteps(List<NativeResource> resources)
    {
        long steps = 0;
        foreach (var resource in resources)
            steps += resource.Steps.Count;
        return steps;
    }

    private static List<TrackedObject> SelectObjects(LifecycleReport report, List<Leak> leaks, List<Violation> violations, long endTimestamp)
    {
        var all = report.Objects;
        if (all.Count <= ObjectLimit)
            return all;
        // The objects the findings name first: their stories are what the page is opened for.
        var named = new HashSet<long>();
        foreach (var leak in leaks)
        {
            named.Add(leak.Subject);
            foreach (var owned in leak.Owns)
                named.Add(owned.Subject);
        }
        foreach (var violation in violations)
            named.Add(violation.Subject);
        foreach (var handle in report.Handles)
            named.Add(handle.ObjectId);

        var keep = new bool[all.Count];
        int kept = 0;
        for (int i = 0; i < all.Count && kept < ObjectLimit; i++)
        {
            if (named.Contains(all[i].Id))
            {
                keep[i] = true;
                kept++;
            }
        }
        // The rest of the room, half to the largest objects and half to the longest-lived.
        int room = ObjectLimit - kept;
        kept += KeepTop(all, keep, room / 2, o => o.Size * Math.Max(1, o.LiveWeight));
        kept += KeepTop(all, keep, ObjectLimit - kept, o => Lifetime(o, endTimestamp));

        var selected = new List<TrackedObject>(kept);
        for (int i = 0; i < all.Count; i++)
        {
            if (keep[i])
                selected.Add(all[i]);
        }
        return selected;
    }

    /// <summary>Live objects last until the end of the recording; those whose collection was not watched count as the shortest.</summary>
    private static long Lifetime(TrackedObject obj, long endTimestamp)
    {
        long start = obj.AllocatedAt ?? obj.FirstSeenAt;
        if (obj.CollectedAt is { } collected)
            return collected - start;
        return obj.CollectionWatched ? endTimestamp - start + 1 : -1;
    }

    /// <summary>Marks the <paramref name="count"/> not yet kept objects of highest <paramref name="key"/> (earliest first on ties).</summary>
    private static int KeepTop(List<TrackedObject> all, bool[] keep, int count, Func<TrackedObject, long> key)
    {
        if (count <= 0)
            return 0;
        // A min-heap of the best so far: one pass, and only the kept ones are ever ordered.
        var best = new PriorityQueue<int, (long Key, int Later)>(count + 1);
        for (int i = 0; i < all.Count; i++)
        {
            if (keep[i])
                continue;
            var priority = (key(all[i]), -i);
            if (best.Count < count)
                best.Enqueue(i, priority);
            else if (best.TryPeek(out _, out var lowest) && priority.CompareTo(lowest) > 0)
                best.EnqueueDequeue(i, priority);
        }
        int marked = best.Count;
        while (best.TryDequeue(out int index, out _))
            keep[index] = true;
        return marked;
    }
}
