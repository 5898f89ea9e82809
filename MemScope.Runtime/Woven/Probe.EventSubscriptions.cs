using System;
using MemScopeRuntime.Capture;
using MemScopeRuntime.Identity;
using MemScopeTrace.Model;

namespace MemScopeRuntime;

// Event subscriptions made in tracked code: who subscribed (the handler's target) to whose event.
public static partial class Probe
{
    public static void Subscribe(object? publisher, Delegate? handler, int site) => Subscription(EventKind.Subscribe, publisher, handler, site);

    public static void Unsubscribe(object? publisher, Delegate? handler, int site) => Subscription(EventKind.Unsubscribe, publisher, handler, site);

    private static void Subscription(EventKind kind, object? publisher, Delegate? handler, int site)
    {
        if (!s_enabled || handler is null)
            return;
        try
        {
            long subscriber = handler.Target is { } target ? ObjectIdentity.IdOf(target, site) : 0;
            long publisherId = publisher is null ? 0 : ObjectIdentity.IdOf(publisher, site);
            Recorder.Append(kind, site, subscriber, publisherId);
        }
        catch (Exception e)
        {
            InternalFaults.Fault(e);
        }
    }
}
