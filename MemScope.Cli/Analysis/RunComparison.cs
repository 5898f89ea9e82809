using System;
using System.Collections.Generic;
using System.Linq;
using MemScopeReports.Analysis;
using MemScopeTrace.Model;

namespace MemScopeCli.Analysis;

/// <summary>A type's or site's totals in two runs; either side may be absent (zero).</summary>
internal sealed record AllocationChange(string TypeName, string? Site, AllocationTotal? Before, AllocationTotal? After)
{
    public long BytesBefore => Before?.Bytes ?? 0;
    public long BytesAfter => After?.Bytes ?? 0;
    public int ObjectsBefore => Before?.Objects ?? 0;
    public int ObjectsAfter => After?.Objects ?? 0;
    public long BytesDelta => BytesAfter - BytesBefore;
    public int ObjectsDelta => ObjectsAfter - ObjectsBefore;
}

/// <summary>
/// What changed from run a to run b: leaks matched by <see cref="LeakIdentity"/> (as multisets, so a leak that
/// happens twice as often shows up as new), and allocations by type and by file:line.
/// </summary>
internal sealed class RunComparison
{
    private RunComparison(IReadOnlyList<Leak> newLeaks, IReadOnlyList<Leak> removedLeaks, IReadOnlyList<AllocationChange> byType, IReadOnlyList<AllocationChange> bySite)
    {
        NewLeaks = newLeaks;
        RemovedLeaks = removedLeaks;
        ByType = byType;
        BySite = bySite;
    }

    public IReadOnlyList<Leak> NewLeaks { get; }
    public IReadOnlyList<Leak> RemovedLeaks { get; }

    /// <summary>Types whose bytes or counts changed, largest growth first.</summary>
    public IReadOnlyList<AllocationChange> ByType { get; }

    /// <summary>Allocation sites whose bytes or counts changed, largest growth first.</summary>
    public IReadOnlyList<AllocationChange> BySite { get; }

    public static RunComparison Of(LifecycleReport a, LifecycleReport b) => new(
        Unmatched(b.Leaks, a.Leaks),
        Unmatched(a.Leaks, b.Leaks),
        Changes(AllocationTotals.ByType(a.Objects), AllocationTotals.ByType(b.Objects)),
        Changes(AllocationTotals.BySite(a.Objects), AllocationTotals.BySite(b.Objects)));

    /// <summary>The leaks of <paramref name="side"/> left over after each is paired with an equal one of <paramref name="other"/>.</summary>
    private static List<Leak> Unmatched(IEnumerable<Leak> side, IEnumerable<Leak> other)
    {
        var available = other.GroupBy(LeakIdentity.Of).ToDictionary(g => g.Key, g => g.Count());
        var unmatched = new List<Leak>();
        foreach (var leak in side)
        {
            var identity = LeakIdentity.Of(leak);
            if (available.TryGetValue(identity, out int count) && count > 0)
                available[identity] = count - 1;
            else
                unmatched.Add(leak);
        }
        return unmatched;
    }

    private static List<AllocationChange> Changes(IReadOnlyList<AllocationTotal> before, IReadOnlyList<AllocationTotal> after)
    {
        var a = before.ToDictionary(t => t.Key, StringComparer.Ordinal);
        var b = after.ToDictionary(t => t.Key, StringComparer.Ordinal);
        return a.Keys.Union(b.Keys, StringComparer.Ordinal)
            .Select(key =>
            {
                a.TryGetValue(key, out var x);
                b.TryGetValue(key, out var y);
                var any = (x ?? y)!;
                return new AllocationChange(any.TypeName, any.Site, x, y);
            })
            .Where(c => c.BytesDelta != 0 || c.ObjectsDelta != 0)
            .OrderByDescending(c => c.BytesDelta).ThenByDescending(c => c.ObjectsDelta).ThenBy(c => c.Site ?? c.TypeName, StringComparer.Ordinal)
            .ToList();
    }
}
