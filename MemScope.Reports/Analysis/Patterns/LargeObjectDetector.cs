using System.Collections.Generic;

namespace MemScopeReports.Analysis.Patterns;

/// <summary>Allocation sites of large-object-heap objects: they are collected only with gen2 and, unpinned, rarely compacted.</summary>
internal static class LargeObjectDetector
{
    public static List<LargeObjectSite> Find(AnalysisContext context)
    {
        var sites = new Dictionary<int, LargeObjectSite>();
        foreach (var obj in context.Report.Objects)
        {
            if (obj.AllocSite is not { } site || obj.AllocatedAt is null || obj.Size < context.Options.LargeObjectBytes)
                continue;
            var current = sites.GetValueOrDefault(site.Id) ?? new LargeObjectSite(site, obj.TypeName, 0, 0, 0, 0);
            sites[site.Id] = current with
            {
                Objects = current.Objects + 1,
                Bytes = current.Bytes + obj.Size,
                LargestBytes = System.Math.Max(current.LargestBytes, obj.Size),
                StillLive = current.StillLive + (obj.IsLive ? 1 : 0),
            };
        }
        var list = new List<LargeObjectSite>(sites.Values);
        list.Sort((a, b) => b.Bytes != a.Bytes ? b.Bytes.CompareTo(a.Bytes) : a.Site.Id.CompareTo(b.Site.Id));
        return list;
    }
}
