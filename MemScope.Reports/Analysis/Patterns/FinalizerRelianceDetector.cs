using System.Collections.Generic;
using MemScopeTrace.Model;

namespace MemScopeReports.Analysis.Patterns;

/// <summary>
/// Disposables whose cleanup came from the GC instead of Dispose: a finalizer ran (Finalized) or the
/// object was collected, in both cases without Dispose (or a SafeHandle's Close) first.
/// </summary>
internal static class FinalizerRelianceDetector
{
    public static List<FinalizerReliance> Find(AnalysisContext context)
    {
        var disposed = new HashSet<long>();
        var finalized = new HashSet<long>();
        foreach (var e in context.Events)
        {
            switch (e.Kind)
            {
                case EventKind.Dispose:
                case EventKind.HandleClose:
                    disposed.Add(e.ObjectId);
                    break;
                // A finalizer that runs after Dispose did not clean up anything Dispose had not.
                case EventKind.Finalized when !disposed.Contains(e.ObjectId):
                    finalized.Add(e.ObjectId);
                    break;
            }
        }

        var groups = new Dictionary<(int Site, int Type), FinalizerReliance>();
        foreach (var obj in context.Report.Objects)
        {
            bool ranFinalizer = finalized.Contains(obj.Id);
            bool collectedUndisposed = obj.CollectedAt is not null && !disposed.Contains(obj.Id) && context.Recording.Type(obj.TypeId).IsDisposable;
            if (!ranFinalizer && !collectedUndisposed)
                continue;
            var key = (obj.AllocSite?.Id ?? 0, obj.TypeId);
            var current = groups.GetValueOrDefault(key) ?? new FinalizerReliance(obj.AllocSite, obj.TypeName, 0, 0, 0, 0);
            groups[key] = current with
            {
                Objects = current.Objects + 1,
                Finalized = current.Finalized + (ranFinalizer ? 1 : 0),
                CollectedWithoutDispose = current.CollectedWithoutDispose + (collectedUndisposed ? 1 : 0),
                Bytes = current.Bytes + obj.Size,
            };
        }
        var list = new List<FinalizerReliance>(groups.Values);
        list.Sort((a, b) => b.Objects != a.Objects ? b.Objects.CompareTo(a.Objects) : (a.Site?.Id ?? 0).CompareTo(b.Site?.Id ?? 0));
        return list;
    }

}
