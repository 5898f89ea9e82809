using System.Collections.Generic;
using MemScopeTrace.Model;

namespace MemScopeReports.Analysis;

/// <summary>Rebuilds each object's lifetime (allocation, holders, scope ends, collection) from the event stream.</summary>
public static class ObjectTimelines
{
    public static List<TrackedObject> Build(Recording recording) => Build(recording, out _);

    /// <summary>The objects in the order they were first seen, and the same objects by id.</summary>
    internal static List<TrackedObject> Build(Recording recording, out Dictionary<long, TrackedObject> objects)
    {
        objects = new Dictionary<long, TrackedObject>();
        var byId = objects;
        var order = new List<TrackedObject>();
        // A field slot is one site; its current value tells which holding an overwrite ends.
        var unknownSites = new Dictionary<int, SiteInfo>();
        var activityOfThread = new Dictionary<int, long>();
        // Objects passed to an owning constructor, waiting for the owner that thread allocates next at the owner's site.
        var awaitingOwner = new Dictionary<(int Thread, int OwnerSite), List<TrackedObject>>();

        TrackedObject Get(long id, long timestamp)
        {
            if (!byId.TryGetValue(id, out var obj))
            {
                obj = new TrackedObject(id) { FirstSeenAt = timestamp };
                byId.Add(id, obj);
                order.Add(obj);
            }
            return obj;
        }

        SiteInfo SiteOf(int id)
        {
            if (recording.Sites[id] is { } site)
                return site;
            if (!unknownSites.TryGetValue(id, out site))
                unknownSites[id] = site = SiteInfo.Unknown(id);
            return site;
        }

        foreach (var e in EventArray.Of(recording))
        {
            switch (e.Kind)
            {
                case EventKind.Identify:
                    Describe(Get(e.ObjectId, e.Timestamp), IdentityValue.Unpack(e.Value), recording);
                    break;
                case EventKind.Alloc:
                {
                    var obj = Get(e.ObjectId, e.Timestamp);
                    Describe(obj, IdentityValue.Unpack(e.Value), recording);
                    obj.AllocSite = SiteOf(e.Site);
                    obj.AllocatedAt = e.Timestamp;
                    obj.AllocThread = e.ThreadId;
                    obj.AllocActivity = activityOfThread.GetValueOrDefault(e.ThreadId);
                    if (awaitingOwner.Remove((e.ThreadId, e.Site), out var ownedByThis))
                    {
                        foreach (var owned in ownedByThis)
                            obj.Own(owned);
                    }
                    if (obj.AllocSite.OwnerSite is int ownerSite)
                    {
                        if (!awaitingOwner.TryGetValue((e.ThreadId, ownerSite), out var waiting))
                            awaitingOwner[(e.ThreadId, ownerSite)] = waiting = new List<TrackedObject>(1);
                        waiting.Add(obj);
                    }
                    break;
                }
                case EventKind.ActivityChange:
                    activityOfThread[e.ThreadId] = e.ObjectId;
                    break;
                case EventKind.Dispose:
                case EventKind.HandleClose:
                {
                    if (objects.TryGetValue(e.ObjectId, out var obj))
                        obj.DisposedAt ??= e.Timestamp;
                    break;
                }
                case EventKind.Bind:
                {
                    var site = SiteOf(e.Site);
                    if (e.Value != 0 && objects.TryGetValue(e.Value, out var previous))
                    {
                        // A local set to null lets go the way a scope end does (the compiler clears hoisted locals so).
                        var reason = e.ObjectId == 0 && site.Kind == SiteKind.Local ? HoldingEnd.ScopeEnded : HoldingEnd.Overwritten;
                        EndHolding(previous, site, e.Timestamp, reason, site, e.ObjectId > 0 ? e.ObjectId : null);
                    }
                    if (e.ObjectId > 0)
                        Get(e.ObjectId, e.Timestamp).AddHolding(new Holding(site, e.Timestamp, e.ThreadId));
                    break;
                }
                case EventKind.ScopeEnd:
                {
                    if (objects.TryGetValue(e.ObjectId, out var obj))
                    {
                        var site = SiteOf(e.Site);
                        EndHolding(obj, site, e.Timestamp, HoldingEnd.ScopeEnded, site, null);
                    }
                    break;
                }
                case EventKind.Collected:
                {
                    if (objects.TryGetValue(e.ObjectId, out var obj))
                    {
                        obj.CollectedAt = e.Timestamp;
                        foreach (var holding in obj.Holdings)
                        {
                            if (holding.EndReason == HoldingEnd.StillHeld)
                            {
                                holding.ReleasedAt = e.Timestamp;
                                holding.EndReason = HoldingEnd.Collected;
                            }
                        }
                    }
                    break;
                }
            }
        }
        return order;
    }

    private static void Describe(TrackedObject obj, IdentityValue identity, Recording recording)
    {
        obj.TypeName = recording.TypeName(identity.TypeId);
        obj.TypeId = identity.TypeId;
        obj.LiveWeight = identity.LiveWeight;
        if (identity.Size > 0 || !obj.SizeKnown)
        {
            obj.Size = identity.Size;
            obj.SizeKnown = identity.Size > 0;
        }
    }

    /// <summary>Ends the latest open holding of <paramref name="obj"/> by the variable or field named like <paramref name="holder"/>.</summary>
    private static void EndHolding(TrackedObject obj, SiteInfo holder, long timestamp, HoldingEnd reason, SiteInfo endSite, long? replacedBy)
    {
        for (int i = obj.Holdings.Count - 1; i >= 0; i--)
        {
            var holding = obj.Holdings[i];
            if (holding.EndReason == HoldingEnd.StillHeld && SameHolder(holding.Site, holder))
            {
                holding.ReleasedAt = timestamp;
                holding.EndReason = reason;
                holding.EndSite = endSite;
                holding.ReplacedBy = replacedBy;
                return;
            }
        }
    }

    /// <summary>
    /// Stores and scope ends of one variable are different sites that share the method and the name;
    /// stores to one field share the field's name wherever they happen.
    /// </summary>
    private static bool SameHolder(SiteInfo a, SiteInfo b) =>
        a.Name == b.Name && a.Assembly == b.Assembly &&
        (a.Kind == SiteKind.Field ? b.Kind == SiteKind.Field : a.Method == b.Method);
}
