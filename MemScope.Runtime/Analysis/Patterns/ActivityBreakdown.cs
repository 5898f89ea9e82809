using System.Collections.Generic;
using MemScopeRuntime.Identity;
using MemScopeRuntime.Recording;

namespace MemScopeRuntime.Analysis.Patterns;

/// <summary>
/// Objects and bytes allocated by tracked code per System.Diagnostics.Activity (request, operation): each thread's
/// ActivityChange events say which Activity its following events ran under — the counterpart of the seed's task registry.
/// </summary>
internal static class ActivityBreakdown
{
    public static List<ActivityAllocations> Find(AnalysisContext context)
    {
        var current = new Dictionary<int, long>(); // thread → activity id
        var tallies = new Dictionary<long, (int Objects, long Bytes, HashSet<int> Threads)>();
        foreach (var e in context.Recording.Events)
        {
            if (e.Kind == EventKind.ActivityChange)
            {
                current[e.ThreadId] = e.ObjectId;
            }
            else if (e.Kind == EventKind.Alloc && current.TryGetValue(e.ThreadId, out long activity) && activity != 0)
            {
                if (!tallies.TryGetValue(activity, out var tally))
                    tally = (0, 0L, new HashSet<int>());
                tally.Threads.Add(e.ThreadId);
                tallies[activity] = (tally.Objects + 1, tally.Bytes + e.Value, tally.Threads);
            }
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
