using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using MemScopeTrace.Model;

namespace MemScopeReports.Analysis.Patterns;

/// <summary>
/// Pinned GCHandles by allocation site, with how long they stayed pinned, and the pinned object counts
/// the GC itself reported in the samples (which include pins by fixed and by untracked code).
/// </summary>
internal static class PinningDetector
{
    private static readonly string PinnedKind = GCHandleType.Pinned.ToString();

    public static Pinning Find(AnalysisContext context)
    {
        var sites = new Dictionary<int, PinnedSite>();
        foreach (var handle in context.Report.GcHandles)
        {
            if (handle.Kind != PinnedKind)
                continue;
            // A handle still pinned at the end has been pinned at least until then.
            long until = handle.ReleasedAt ?? Math.Max(context.EndTimestamp, handle.AcquiredAt);
            double pinnedMs = AnalysisContext.Milliseconds(until - handle.AcquiredAt);
            var current = sites.GetValueOrDefault(handle.AcquiredSite.Id) ?? new PinnedSite(handle.AcquiredSite, 0, 0, 0, 0);
            sites[handle.AcquiredSite.Id] = current with
            {
                Handles = current.Handles + 1,
                StillPinned = current.StillPinned + (handle.Status == Analysis.BlockStatus.Live ? 1 : 0),
                MaxPinnedMs = Math.Max(current.MaxPinnedMs, pinnedMs),
                TotalPinnedMs = current.TotalPinnedMs + pinnedMs,
            };
        }
        var list = new List<PinnedSite>(sites.Values);
        list.Sort((a, b) => b.MaxPinnedMs != a.MaxPinnedMs ? b.MaxPinnedMs.CompareTo(a.MaxPinnedMs) : a.Site.Id.CompareTo(b.Site.Id));

        long maxPinned = 0;
        double? maxAt = null;
        foreach (var sample in context.Recording.GcSamples)
        {
            if (sample.PinnedObjects > maxPinned)
            {
                maxPinned = sample.PinnedObjects;
                maxAt = context.Recording.ToMilliseconds(sample.Timestamp);
            }
        }
        return new Pinning(list, context.Recording.GcSamples.Count, maxPinned, maxAt);
    }
}
