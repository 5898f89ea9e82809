using System.Collections.Generic;
using System.Linq;
using MemScopeReports.Analysis;

namespace MemScopeCli.Analysis;

/// <summary>Objects and bytes of one group of tracked objects (a type, or a type at one allocation site).</summary>
internal sealed record AllocationTotal(string Key, string TypeName, string? Site, int Objects, long Bytes, long LiveObjects, long LiveBytes);

/// <summary>
/// The report's totals by type and by allocation site, keyed for the console and the diff. Sites are keyed by file:line
/// and type, not by site id: ids are numbered per run, and the diff must match the same line of code across two runs.
/// </summary>
internal static class AllocationTotals
{
    public static IReadOnlyList<AllocationTotal> ByType(IEnumerable<TrackedObject> objects) =>
        MemScopeReports.Analysis.AllocationTotals.ByType(objects)
            .Select(t => Total(t.TypeName, t.TypeName, null, t.Totals))
            .ToList();

    /// <summary>Sites of one line (two allocations written on it) are one entry here, as they are one line to a reader.</summary>
    public static IReadOnlyList<AllocationTotal> BySite(IEnumerable<TrackedObject> objects) =>
        MemScopeReports.Analysis.AllocationTotals.BySite(objects)
            .Where(t => t.Site is not null)
            .GroupBy(t => (t.Site!.Location, t.TypeName))
            .Select(line => line.Select(t => Total($"{line.Key.Location} {line.Key.TypeName}", line.Key.TypeName, line.Key.Location, t.Totals))
                .Aggregate((a, b) => a with
                {
                    Objects = a.Objects + b.Objects, Bytes = a.Bytes + b.Bytes, LiveObjects = a.LiveObjects + b.LiveObjects, LiveBytes = a.LiveBytes + b.LiveBytes,
                }))
            .OrderByDescending(t => t.Bytes).ThenByDescending(t => t.Objects).ThenBy(t => t.Key, System.StringComparer.Ordinal)
            .ToList();

    private static AllocationTotal Total(string key, string typeName, string? site, ObjectTotals totals) =>
        new(key, typeName, site, totals.Count, totals.Bytes, totals.LiveCount, totals.LiveBytes);
}
