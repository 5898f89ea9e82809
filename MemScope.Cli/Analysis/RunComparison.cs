using System;
using System.Collections.Generic;
using System.Linq;
using MemScopeReports.Analysis;

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
/// What changed from run a to run b: leaks and violations matched by what they are (<see cref="FindingIdentity"/>:
/// kind, method, variable, type — never the line, an object id or an address), as multisets, so a leak that happens
/// twice as often shows up once as new; and allocations by type and by allocation site, a site again known by its
/// method, type and variable rather than its line, so code moving down a file changes nothing.
/// </summary>
internal sealed class RunComparison
{
    private RunComparison(
        IReadOnlyList<Finding> newLeaks, IReadOnlyList<Finding> removedLeaks,
        IReadOnlyList<Finding> newViolations, IReadOnlyList<Finding> removedViolations,
        IReadOnlyList<AllocationChange> byType, IReadOnlyList<AllocationChange> bySite)
    {
        NewLeaks = newLeaks;
        RemovedLeaks = removedLeaks;
        NewViolations = newViolations;
        RemovedViolations = removedViolations;
        ByType = byType;
        BySite = bySite;
    }

    public IReadOnlyList<Finding> NewLeaks { get; }
    public IReadOnlyList<Finding> RemovedLeaks { get; }
    public IReadOnlyList<Finding> NewViolations { get; }
    public IReadOnlyList<Finding> RemovedViolations { get; }

    /// <summary>Types whose bytes or counts changed, largest growth first.</summary>
    public IReadOnlyList<AllocationChange> ByType { get; }

    /// <summary>Allocation sites whose bytes or counts changed, largest growth first.</summary>
    public IReadOnlyList<AllocationChange> BySite { get; }

    public static RunComparison Of(LifecycleReport a, LifecycleReport b)
    {
        var leaksA = a.Leaks.Select(Finding.Of).ToList();
        var leaksB = b.Leaks.Select(Finding.Of).ToList();
        var violationsA = a.Violations.Select(Finding.Of).ToList();
        var violationsB = b.Violations.Select(Finding.Of).ToList();
        return new RunComparison(
            Unmatched(leaksB, leaksA),
            Unmatched(leaksA, leaksB),
            Unmatched(violationsB, violationsA),
            Unmatched(violationsA, violationsB),
            Changes(AllocationTotals.ByType(a.Objects), AllocationTotals.ByType(b.Objects)),
            Changes(AllocationTotals.BySiteIdentity(a.Objects), AllocationTotals.BySiteIdentity(b.Objects)));
    }

    /// <summary>The findings of <paramref name="side"/> left over after each is paired with one of the same identity in <paramref name="other"/>.</summary>
    private static List<Finding> Unmatched(IEnumerable<Finding> side, IEnumerable<Finding> other)
    {
        var available = other.GroupBy(f => f.Identity).ToDictionary(g => g.Key, g => g.Count());
        var unmatched = new List<Finding>();
        foreach (var finding in side)
        {
            if (available.TryGetValue(finding.Identity, out int count) && count > 0)
                available[finding.Identity] = count - 1;
            else
                unmatched.Add(finding);
        }
        return unmatched;
    }

    /// <summary>Totals matched by key; a change shows b's location when b has the site, else a's.</summary>
    private static List<AllocationChange> Changes(IReadOnlyList<AllocationTotal> before, IReadOnlyList<AllocationTotal> after)
    {
        var a = before.ToDictionary(t => t.Key, StringComparer.Ordinal);
        var b = after.ToDictionary(t => t.Key, StringComparer.Ordinal);
        return a.Keys.Union(b.Keys, StringComparer.Ordinal)
            .Select(key =>
            {
                a.TryGetValue(key, out var x);
                b.TryGetValue(key, out var y);
                var shown = (y ?? x)!;
                return new AllocationChange(shown.TypeName, shown.Site, x, y);
            })
            .Where(c => c.BytesDelta != 0 || c.ObjectsDelta != 0)
            .OrderByDescending(c => c.BytesDelta).ThenByDescending(c => c.ObjectsDelta).ThenBy(c => c.Site ?? c.TypeName, StringComparer.Ordinal)
            .ToList();
    }
}
