using System.Collections.Generic;
using MemScopeTrace.Model;

namespace MemScopeReports.Analysis.Patterns;

/// <summary>
/// Objects and bytes allocated by tracked code per System.Diagnostics.Activity (request, operation), from the
/// Activity each object was allocated under (<see cref="TrackedObject.AllocActivity"/>) — the counterpart of memscope-rs's task registry.
/// </summary>
internal static class ActivityBreakdown
{
    public static List<ActivityAllocations> Find(AnalysisContext context)
    {
        var tallies = new Dictionary<long, (int Objects, long Bytes, HashSet<int> Threads)>();
        foreach (var obj in context.Report.Objects)
        {
            if (obj.AllocActivity == 0)
                continue;
            if (!tallies.TryGetValue(obj.AllocActivity, out var tally))
                tally = (0, 0L, new HashSet<int>());
            if (obj.AllocThread is { } thread)
                tally.Threads.Add(thread);
            tallies[obj.AllocActivity] = (tally.Objects + 1, tally.Bytes + obj.Size, tally.Threads);
        }

        var described = new Dictionary<long, ActivityInfo>();
        foreach (var info in context.Recording.Activities)
            described[info.Id] = info;

        var list = new List<ActivityAllocations>(tallies.Count);
        foreach (var (id, tally) in tallies)
        {
            var info = described.GetValueOrDefault(id) ?? new ActivityInfo(id, "(unknown activity)", null, null, null);
            list.Add(new ActivityAllocations(info, tally.Objects, tally.Bytes, tally.Threads.Count));
        }
        list.Sort((a, b) => b.Bytes != a.Bytes ? b.Bytes.CompareTo(a.Bytes) : a.Activity.Id.CompareTo(b.Activity.Id));
        return list;
    }
}
