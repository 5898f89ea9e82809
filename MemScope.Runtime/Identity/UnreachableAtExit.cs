using System.Collections.Generic;
using System.Runtime.CompilerServices;
using MemScopeTrace.Model;

namespace MemScopeRuntime.Identity;

/// <summary>
/// At exit, after a full collection, the watched objects the GC found unreachable are collected as far as the report
/// is concerned: finalizers no longer run, so their Collected events are added to the snapshot here.
/// </summary>
internal static class UnreachableAtExit
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RecordedEvent[] AddCollected(RecordedEvent[] events, long timestamp, int threadId)
    {
        var watched = new HashSet<long>();
        foreach (var e in events)
        {
            if (e.Kind is EventKind.Alloc or EventKind.Identify && IdentityValue.Unpack(e.Value).LiveWeight > 0)
                watched.Add(e.ObjectId);
            else if (e.Kind == EventKind.Collected)
                watched.Remove(e.ObjectId);
        }
        watched.ExceptWith(ObjectIdentity.WatchedAlive());
        if (watched.Count == 0)
            return events;
        var all = new List<RecordedEvent>(events.Length + watched.Count);
        all.AddRange(events);
        foreach (long id in watched)
            all.Add(new RecordedEvent(new TraceEvent(timestamp, EventKind.Collected, 0, id, 0), threadId));
        return all.ToArray();
    }
}
