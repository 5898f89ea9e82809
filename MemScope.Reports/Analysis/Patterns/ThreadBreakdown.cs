using System.Collections.Generic;
using MemScopeTrace.Model;

namespace MemScopeReports.Analysis.Patterns;

/// <summary>Objects and bytes allocated by tracked code, per thread, with the thread's name when it had one.</summary>
internal static class ThreadBreakdown
{
    public static List<ThreadAllocations> Find(AnalysisContext context)
    {
        var tallies = new Dictionary<int, (int Objects, long Bytes)>();
        long allBytes = 0;
        foreach (var obj in context.Report.Objects)
        {
            if (obj.AllocThread is not { } thread)
                continue;
            var tally = tallies.GetValueOrDefault(thread);
            tallies[thread] = (tally.Objects + 1, tally.Bytes + obj.Size);
            allBytes += obj.Size;
        }
        var names = new Dictionary<int, string?>();
        foreach (var thread in context.Recording.Threads)
            names[thread.ThreadId] = thread.Name;

        var list = new List<ThreadAllocations>(tallies.Count);
        foreach (var (thread, tally) in tallies)
            list.Add(new ThreadAllocations(thread, names.GetValueOrDefault(thread), tally.Objects, tally.Bytes, allBytes > 0 ? (double)tally.Bytes / allBytes : 0));
        list.Sort((a, b) => b.Bytes != a.Bytes ? b.Bytes.CompareTo(a.Bytes) : a.ThreadId.CompareTo(b.ThreadId));
        return list;
    }
}
