using System;
using System.Collections.Generic;
using System.Linq;
using MemScopeRuntime.Analysis;

namespace MemScopeCli.Analysis;

/// <summary>Objects and bytes of one group of tracked objects (a type, or a type at one allocation site).</summary>
internal sealed record AllocationTotal(string Key, string TypeName, string? Site, int Objects, long Bytes, long LiveObjects, long LiveBytes);

/// <summary>
/// Tracked objects grouped by type and by allocation site. Sites are keyed by file:line and type (or, for the diff,
/// by method, type and variable), never by site id: ids are numbered per run.
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

    /// <summary>
    /// Tracked objects grouped by allocation site as two runs can match it: by the site's method, type and the
    /// variable it assigns, never its line, so an unchanged site whose code moved down a file is the same site. The
    /// location shown is the first of the group's file:lines.
    /// </summary>
    public static IReadOnlyList<AllocationTotal> BySiteIdentity(IEnumerable<TrackedObject> objects) =>
        objects.Where(o => o.AllocSite is not null)
            .GroupBy(o => (o.AllocSite!.Method, o.TypeName, o.AllocSite.Name))
            .Select(g => Total(string.Join('\u001f', g.Key.Method, g.Key.TypeName, g.Key.Name ?? ""), g.Key.TypeName,
                g.Select(o => o.AllocSite!).OrderBy(s => s.Line).First().Location, g))
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
