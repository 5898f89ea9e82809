using System;

namespace AssemblyToProcess;

/// <summary>Lives for the whole program, like a message bus or an app-wide settings object.</summary>
public sealed class Publisher
{
    public event EventHandler? Changed;

    public static event EventHandler? Shutdown;

    public void Raise() => Changed?.Invoke(this, EventArgs.Empty);

    public static void RaiseShutdown() => Shutdown?.Invoke(null, EventArgs.Empty);
}

public sealed class Subscriber
{
    public int Calls;

    public void OnChanged(object? sender, EventArgs e) => Calls++;
}

public static class EventScenario
{
    [Tracked]
    public static int SubscribeTwoUnsubscribeOne(Publisher bus)
    {
        var kept = new Subscriber();
        var released = new Subscriber();
        bus.Changed += kept.OnChanged;
        bus.Changed += released.OnChanged;
        bus.Raise();
        bus.Changed -= released.OnChanged;
        return kept.Calls + released.Calls;
    }

    [Tracked]
    public static void SubscribeToStaticEvent()
    {
        var listener = new Subscriber();
        Publisher.Shutdown += listener.OnChanged;
        Publisher.RaiseShutdown();
        Publisher.Shutdown -= listener.OnChanged;
    }
}
