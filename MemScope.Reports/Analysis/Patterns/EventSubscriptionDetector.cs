using System.Collections.Generic;
using MemScopeTrace.Model;

namespace MemScopeReports.Analysis.Patterns;

/// <summary>
/// Event-handler leaks from the Subscribe/Unsubscribe events woven at `+=` and `-=` in tracked code: a subscriber
/// whose handler is still attached at the end to an event of a publisher that is still alive (or to a static
/// event, which lives forever). The publisher's delegate keeps the subscriber reachable.
/// </summary>
internal static class EventSubscriptionDetector
{
    private sealed class Attachment
    {
        public Attachment(SiteInfo firstSubscribe) => FirstSubscribe = firstSubscribe;

        public SiteInfo FirstSubscribe { get; }
        public int Attached;
        public int Subscriptions;
    }

    public static List<EventSubscriptionLeak> Find(AnalysisContext context)
    {
        var attachments = new Dictionary<(long Subscriber, long Publisher, string Event), Attachment>();
        foreach (var e in context.Events)
        {
            if (e.Kind is not (EventKind.Subscribe or EventKind.Unsubscribe) || e.ObjectId == 0 || context.Site(e.Site) is not { } site)
                continue;
            var key = (e.ObjectId, e.Value, site.Name ?? "?");
            if (e.Kind == EventKind.Subscribe)
            {
                if (!attachments.TryGetValue(key, out var attachment))
                    attachments[key] = attachment = new Attachment(site);
                attachment.Attached++;
                attachment.Subscriptions++;
            }
            else if (attachments.TryGetValue(key, out var attachment) && attachment.Attached > 0)
            {
                attachment.Attached--;
            }
        }

        var leaks = new List<EventSubscriptionLeak>();
        foreach (var ((subscriberId, publisherId, name), attachment) in attachments)
        {
            if (attachment.Attached == 0)
                continue;
            context.ObjectsById.TryGetValue(subscriberId, out var subscriber);
            context.ObjectsById.TryGetValue(publisherId, out var publisher);
            bool publisherAlive = publisherId == 0 || publisher is null || publisher.IsLive;
            if (!publisherAlive)
                continue; // the publisher was collected: it no longer holds anyone
            leaks.Add(new EventSubscriptionLeak(
                name,
                subscriber?.TypeName ?? "?",
                subscriber?.LastVariable,
                publisherId == 0 ? null : publisher?.TypeName ?? "?",
                publisher?.LastVariable,
                attachment.Attached,
                attachment.Subscriptions,
                subscriber is { AllocatedAt: not null } ? subscriber.Size : 0,
                attachment.FirstSubscribe));
        }
        leaks.Sort((a, b) => b.StillAttached != a.StillAttached ? b.StillAttached.CompareTo(a.StillAttached) : string.CompareOrdinal(a.Event, b.Event));
        return leaks;
    }
}
