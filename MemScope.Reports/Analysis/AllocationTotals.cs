using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using MemScopeTrace.Model;

namespace MemScopeReports.Analysis;

/// <summary>The totals of the tracked objects of one type.</summary>
public sealed record TypeTotal(string TypeName, ObjectTotals Totals);

/// <summary>The totals of the objects of one type allocated at one site; <see cref="Site"/> is null for objects first seen elsewhere than at their allocation.</summary>
public sealed record SiteTotal(SiteInfo? Site, string TypeName, ObjectTotals Totals);

/// <summary>
/// Tracked objects totalled by type and by allocation site and type, largest first: the one grouping behind the JSON
/// report, the dashboard and <c>memscope summary</c>, so all three give the same figures.
/// </summary>
public static class AllocationTotals
{
    /// <summary>Each analyzed report's totals, made once: the JSON report, the dashboard and the charts of one export all read them.</summary>
    private static readonly ConditionalWeakTable<LifecycleReport, Shared> s_shared = new();

    private sealed class Shared(LifecycleReport report)
    {
        public readonly Lazy<IReadOnlyList<TypeTotal>> ByType = new(() => AllocationTotals.ByType(report.Objects));
        public readonly Lazy<IReadOnlyList<SiteTotal>> BySite = new(() => AllocationTotals.BySite(report.Objects));
    }

    /// <summary><see cref="ByType(IEnumerable{TrackedObject})"/> of the report's objects, computed once per report (a report is not changed once analyzed).</summary>
    internal static IReadOnlyList<TypeTotal> ByType(LifecycleReport report) => s_shared.GetValue(report, r => new Shared(r)).ByType.Value;

    /// <summary><see cref="BySite(IEnumerable{TrackedObject})"/> of the report's objects, computed once per report.</summary>
    internal static IReadOnlyList<SiteTotal> BySite(LifecycleReport report) => s_shared.GetValue(report, r => new Shared(r)).BySite.Value;

    public static IReadOnlyList<TypeTotal> ByType(IEnumerable<TrackedObject> objects)
    {
        // One pass into totals keyed by type name: grouping the objects themselves costs far more at a million.
        var byType = new Dictionary<string, ObjectTotals>(NameComparer.Instance);
        foreach (var obj in objects)
            TotalsOf(byType, obj.TypeName).Add(obj);
        return byType.Select(t => new TypeTotal(t.Key, t.Value))
            .OrderByDescending(t => t.Totals.Bytes).ThenByDescending(t => t.Totals.Count).ThenBy(t => t.TypeName, StringComparer.Ordinal)
            .ToList();
    }

    public static IReadOnlyList<SiteTotal> BySite(IEnumerable<TrackedObject> objects)
    {
        var bySite = new Dictionary<(int Site, string Type), (SiteInfo? Site, ObjectTotals Totals)>(SiteAndName.Instance);
        foreach (var obj in objects)
        {
            var key = (obj.AllocSite?.Id ?? 0, obj.TypeName);
            if (!bySite.TryGetValue(key, out var entry))
                bySite[key] = entry = (obj.AllocSite, new ObjectTotals());
            entry.Totals.Add(obj);
        }
        return bySite.Values.Select(s => new SiteTotal(s.Site, s.Totals.First!.TypeName, s.Totals))
            .OrderByDescending(t => t.Totals.Bytes).ThenByDescending(t => t.Totals.Count)
            .ThenBy(t => t.Site?.Id ?? int.MaxValue).ThenBy(t => t.TypeName, StringComparer.Ordinal)
            .ToList();
    }

    private static ObjectTotals TotalsOf(Dictionary<string, ObjectTotals> totals, string key)
    {
        if (!totals.TryGetValue(key, out var entry))
            totals[key] = entry = new ObjectTotals();
        return entry;
    }

    /// <summary>
    /// Type names compared as ordinal strings but hashed from a few characters: a million objects share a few hundred
    /// names (most often the very same instance), and hashing each whole name per object cost more than the totalling.
    /// </summary>
    private sealed class NameComparer : IEqualityComparer<string>
    {
        public static readonly NameComparer Instance = new();

        public bool Equals(string? x, string? y) => ReferenceEquals(x, y) || string.Equals(x, y, StringComparison.Ordinal);

        public int GetHashCode(string name) => name.Length == 0 ? 0
            : HashCode.Combine(name.Length, name[0], name[name.Length / 2], name[^1], name[name.Length * 3 / 4]);
    }

    private sealed class SiteAndName : IEqualityComparer<(int Site, string Type)>
    {
        public static readonly SiteAndName Instance = new();

        public bool Equals((int Site, string Type) x, (int Site, string Type) y) => x.Site == y.Site && NameComparer.Instance.Equals(x.Type, y.Type);

        public int GetHashCode((int Site, string Type) key) => HashCode.Combine(key.Site, NameComparer.Instance.GetHashCode(key.Type));
    }
}
