using System;
using System.Collections.Generic;
using System.Linq;
using MemScopeReports.Analysis;
using MemScopeTrace.Model;

namespace MemScopeCli.Analysis;

/// <summary>Objects and bytes of one group of tracked objects (a type, or a type at one allocation site).</summary>
internal sealed record AllocationTotal(string Key, string TypeName, string? Site, int Objects, long Bytes, long LiveObjects, long LiveBytes);

/// <summary>
/// Tracked objects grouped by type and by allocation site. Sites are keyed by file:line and type, not by site id:
/// ids are numbered per run, and the diff must match the same line of code across two runs.
/// </summary>
internal static class AllocationTotals
{
    public static IReadOnlyList<AllocationTotal> ByType(IEnumerable<TrackedObject> objects) =>
        objects.GroupBy(o => o.TypeName, StringComparer.Ordinal)
            .Select(g => Total(g.Key, g.Key, null, g))
            .OrderByDescending(t => t.Bytes).ThenByDescending(t => t.Objects).ThenBy(t => t.Key, StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<AllocationTotal> BySite(IEnumerable<TrackedObject> objects) =>
        objects.Where(o => o.AllocSite is not null)
            .GroupBy(o => (Site: o.AllocSite!.Location, o.TypeName))
            .Select(g => Total($"{g.Key.Site} {g.Key.TypeName}", g.Key.TypeName, g.Key.Site, g))
            .OrderByDescending(t => t.Bytes).ThenByDescending(t => t.Objects).ThenBy(t => t.Key, StringComparer.Ordinal)
            .ToList();

    private static AllocationTotal Total(string key, string typeName, string? site, IEnumerable<TrackedObject> group)
    {
        var totals = new ObjectTotals();
        foreach (var o in group)
            totals.Add(o);
        return new AllocationTotal(key, typeName, site, totals.Count, totals.Bytes, totals.LiveCount, totals.LiveBytes);
    }
}
