using System.Collections.Generic;

namespace MemScopeReports.Analysis.Patterns;

/// <summary>Each P/Invoke site's share of all P/Invoke time, and that time against the recorded span.</summary>
internal static class PInvokeTimeDetector
{
    public static PInvokeTime Find(AnalysisContext context)
    {
        long total = 0;
        int calls = 0;
        foreach (var site in context.Report.PInvokeSites)
        {
            total += site.TotalTicks;
            calls += site.Calls;
        }
        var shares = new List<PInvokeShare>(context.Report.PInvokeSites.Count);
        foreach (var site in context.Report.PInvokeSites)
            shares.Add(new PInvokeShare(site, AnalysisContext.Milliseconds(site.TotalTicks), AnalysisContext.Milliseconds(site.MaxTicks), total > 0 ? (double)site.TotalTicks / total : 0));
        shares.Sort((a, b) => b.Call.TotalTicks != a.Call.TotalTicks ? b.Call.TotalTicks.CompareTo(a.Call.TotalTicks) : a.Call.Site.Id.CompareTo(b.Call.Site.Id));
        return new PInvokeTime(AnalysisContext.Milliseconds(total), context.EndMs - context.StartMs, calls, shares);
    }
}
