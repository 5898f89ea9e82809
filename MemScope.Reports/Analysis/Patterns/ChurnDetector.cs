using System;
using System.Collections.Generic;
using MemScopeTrace.Model;

namespace MemScopeReports.Analysis.Patterns;

/// <summary>
/// Allocation sites with many short-lived objects. Lifetime is allocation to collection: the GC's own
/// verdict, so an object only released by its tracked holders but still referenced elsewhere is not short-lived.
/// </summary>
internal static class ChurnDetector
{
    private sealed class SiteTally
    {
        public SiteTally(SiteInfo site, string typeName)
        {
            Site = site;
            TypeName = typeName;
        }

        public SiteInfo Site { get; }
        public string TypeName { get; }
        public int Objects;
        public int ShortLived;
        public long ShortLivedBytes;
        public long Bytes;
        public List<double> Lifetimes { get; } = new();
    }

    public static List<ChurnSite> Find(AnalysisContext context)
    {
        var tallies = new Dictionary<int, SiteTally>();
        double threshold = context.Options.ShortLivedMilliseconds;
        foreach (var obj in context.Report.Objects)
        {
            if (obj.AllocSite is not { } site || obj.AllocatedAt is not { } allocatedAt)
                continue;
            if (!tallies.TryGetValue(site.Id, out var tally))
                tallies[site.Id] = tally = new SiteTally(site, obj.TypeName);
            tally.Objects++;
            tally.Bytes += obj.Size;
            if (obj.CollectedAt is not { } collectedAt)
                continue;
            double lifetime = AnalysisContext.Milliseconds(collectedAt - allocatedAt);
            tally.Lifetimes.Add(lifetime);
            if (lifetime <= threshold)
            {
                tally.ShortLived++;
                tally.ShortLivedBytes += obj.Size;
            }
        }

        var churn = new List<ChurnSite>();
        foreach (var tally in tallies.Values)
        {
            if (tally.ShortLived < context.Options.ChurnMinObjects || tally.ShortLived == 0)
                continue;
            churn.Add(new ChurnSite(tally.Site, tally.TypeName, tally.Objects, tally.ShortLived, Median(tally.Lifetimes), tally.ShortLivedBytes, tally.Bytes));
        }
        churn.Sort((a, b) => b.ShortLived != a.ShortLived ? b.ShortLived.CompareTo(a.ShortLived) : a.Site.Id.CompareTo(b.Site.Id));
        return churn;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
