using System.Collections.Generic;
using MemScopeTrace.Model;

namespace MemScopeReports.Analysis.Patterns;

/// <summary>
/// Growth of live bytes over time, per type and per allocation site: one pass over the events, where each
/// allocation adds and each collection subtracts the object's bytes, and a line is fitted through the results.
/// </summary>
/// <remarks>
/// Live means "not yet collected", the GC's truth: an object kept in an untracked list after its tracked
/// holders let go is still live, which is how the classic leak looks. A run with no collection at all makes
/// everything look retained; the fit threshold and the minimum growth keep a saw-tooth of churn out.
/// </remarks>
internal static class GrowthDetector
{
    private sealed class Series
    {
        public Series(string typeName, SiteInfo? site)
        {
            TypeName = typeName;
            Site = site;
        }

        public string TypeName { get; }
        public SiteInfo? Site { get; }
        public LinearFit Line;
        public long Live;
        public long FirstLive;
        public long PeakLive;
        public double FromMs;
        public double ToMs;
        public int Objects;

        public void Change(double ms, long delta, bool allocation)
        {
            Live += delta;
            if (Line.Count == 0)
            {
                FromMs = ms;
                FirstLive = Live;
            }
            ToMs = ms;
            if (Live > PeakLive)
                PeakLive = Live;
            if (allocation)
                Objects++;
            Line.Add(ms / 1000.0, Live);
        }
    }

    public static (List<GrowthTrend> ByType, List<GrowthTrend> BySite) Find(AnalysisContext context)
    {
        var byType = new Dictionary<int, Series>();
        var bySite = new Dictionary<int, Series>();
        var recording = context.Recording;
        foreach (var e in context.Events)
        {
            bool allocation = e.Kind == EventKind.Alloc;
            if (!allocation && e.Kind != EventKind.Collected)
                continue;
            // Objects not allocated by tracked code have no allocation to start their series from.
            // Objects whose collection is not watched would look like growth: only watched ones (with their weight) count.
            if (!context.ObjectsById.TryGetValue(e.ObjectId, out var obj) || obj.AllocSite is not { } site || obj.AllocatedAt is null || !obj.CollectionWatched)
                continue;
            long delta = allocation ? obj.WeightedSize : -obj.WeightedSize;
            double ms = recording.ToMilliseconds(e.Timestamp);
            SeriesOf(byType, obj.TypeId, obj.TypeName, null).Change(ms, delta, allocation);
            SeriesOf(bySite, site.Id, obj.TypeName, site).Change(ms, delta, allocation);
        }
        return (Significant(byType.Values, context.Options), Significant(bySite.Values, context.Options));
    }

    private static Series SeriesOf(Dictionary<int, Series> all, int key, string typeName, SiteInfo? site)
    {
        if (!all.TryGetValue(key, out var series))
            all[key] = series = new Series(typeName, site);
        return series;
    }

    private static List<GrowthTrend> Significant(IEnumerable<Series> all, PatternOptions options)
    {
        var trends = new List<GrowthTrend>();
        foreach (var s in all)
        {
            var trend = new GrowthTrend(s.TypeName, s.Site, s.Line.Count, s.Line.Slope, s.Line.Fit, s.FromMs, s.ToMs, s.FirstLive, s.Live, s.PeakLive, s.Objects);
            if (trend.Points >= options.GrowthMinPoints && trend.BytesPerSecond > 0 &&
                trend.Fit >= options.GrowthMinFit && trend.FittedGrowthBytes >= options.GrowthMinBytes)
                trends.Add(trend);
        }
        trends.Sort((a, b) => b.BytesPerSecond.CompareTo(a.BytesPerSecond));
        return trends;
    }
}
