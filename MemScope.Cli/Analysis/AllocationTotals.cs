using System.Collections.Generic;
using System.Linq;
using MemScopeReports.Analysis;

namespace MemScopeCli.Analysis;

/// <summary>Objects and bytes of one group of tracked objects (a type, or a type at one allocation site).</summary>
internal sealed record AllocationTotal(string Key, string TypeName, string? Site, int Objects, long Bytes, long LiveObjects, long LiveBytes);

/// <summary>
/// The report's totals by type and by allocation site, keyed for the console and the diff. Sites are keyed by file:line
/// and type (or, for the diff, by method, type and variable), never by site id: ids are numbered per run.
/// </summary>
internal static class AllocationTotals
{
    public static IReadOnlyList<AllocationTotal> ByType(IEnumerable<TrackedObject> objects) =>
        MemScopeReports.Analysis.AllocationTotals.ByType(objects)
            .Select(t => Total(t.TypeName, t.TypeName, null, t.Totals))
            .ToList();

    /// <summary>Sites of one line (two allocations written on it) are one entry here, as they are one line to a reader.</summary>
    public static IReadOnlyList<AllocationTotal> BySite(IEnumerable<TrackedObject> objects) =>
        Merged(objects, site => (site.Location, ""), (key, type) => $"{key.Item1} {type}", group => group.Key.Key.Item1);

    /// <summary>
    /// Tracked objects grouped by allocation site as two runs can match it: by the site's method, type and the
    /// variable it assigns, never its line, so an unchanged site whose code moved down a file is the same site. The
    /// location shown is the first of the group's file:lines.
    /// </summary>
    public static IReadOnlyList<AllocationTotal> BySiteIdentity(IEnumerable<TrackedObject> objects) =>
        Merged(objects, site => (site.Method, site.Name ?? ""), (key, type) => string.Join('\u001f', key.Item1, type, key.Item2),
            group => group.Select(t => t.Site!).OrderBy(s => s.Line).First().Location);

    /// <summary>The report's per-site totals, with the sites that share <paramref name="keyOf"/> and a type summed into one.</summary>
    private static List<AllocationTotal> Merged(
        IEnumerable<TrackedObject> objects,
        System.Func<MemScopeTrace.Model.SiteInfo, (string, string)> keyOf,
        System.Func<(string, string), string, string> display,
        System.Func<IGrouping<((string, string) Key, string Type), SiteTotal>, string> location) =>
        MemScopeReports.Analysis.AllocationTotals.BySite(objects)
            .Where(t => t.Site is not null)
            .GroupBy(t => (Key: keyOf(t.Site!), Type: t.TypeName))
            .Select(group => group.Select(t => Total(display(group.Key.Key, group.Key.Type), group.Key.Type, location(group), t.Totals))
                .Aggregate((a, b) => a with
                {
                    Objects = a.Objects + b.Objects, Bytes = a.Bytes + b.Bytes, LiveObjects = a.LiveObjects + b.LiveObjects, LiveBytes = a.LiveBytes + b.LiveBytes,
                }))
            .OrderByDescending(t => t.Bytes).ThenByDescending(t => t.Objects).ThenBy(t => t.Key, System.StringComparer.Ordinal)
            .ToList();

    private static AllocationTotal Total(string key, string typeName, string? site, ObjectTotals totals) =>
        new(key, typeName, site, totals.Count, totals.Bytes, totals.LiveCount, totals.LiveBytes);
}
