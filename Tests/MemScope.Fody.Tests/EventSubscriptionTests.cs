using System;
using System.Linq;
using AssemblyToProcess;
using MemScopeReports.Analysis;
using MemScopeReports.Analysis.Patterns;
using MemScopeRuntime.Capture;
using Xunit;
using MemScopeTrace.Model;

namespace MemScopeFodyTests;

public class EventSubscriptionTests
{
    private const string Scenario = "AssemblyToProcess.EventScenario.";

    [Fact]
    public void Plus_and_minus_equals_on_an_event_record_the_subscriber_the_publisher_and_the_event()
    {
        var bus = new Publisher();
        int calls = 0;
        var run = RecordedRun.Of(() => calls = EventScenario.SubscribeTwoUnsubscribeOne(bus));

        Assert.Equal(2, calls);
        var events = run.In(Scenario + "SubscribeTwoUnsubscribeOne").Where(x => x.Event.Kind is EventKind.Subscribe or EventKind.Unsubscribe).ToList();
        Assert.Equal(new[] { EventKind.Subscribe, EventKind.Subscribe, EventKind.Unsubscribe }, events.Select(x => x.Event.Kind));
        Assert.All(events, x => Assert.Equal("Publisher.Changed", x.Site.Name));
        Assert.Single(events.Select(x => x.Event.Value).Distinct()); // one publisher
        Assert.Equal(events[1].Event.ObjectId, events[2].Event.ObjectId); // the one that left is the second subscriber
    }

    [Fact]
    public void A_subscriber_left_attached_to_a_live_publisher_is_an_event_handler_leak_named_by_its_variable()
    {
        var bus = new Publisher();
        var run = RecordedRun.Of(() => EventScenario.SubscribeTwoUnsubscribeOne(bus));

        var patterns = PatternAnalysis.Analyze(run.Window, LifecycleAnalysis.Analyze(run.Window));
        var leak = patterns.EventSubscriptionLeaks.Single();
        Assert.Equal(("Publisher.Changed", "AssemblyToProcess.Subscriber", "kept", 1), (leak.Event, leak.SubscriberType, leak.SubscriberVariable, leak.StillAttached));
        Assert.Contains(patterns.Diagnosis, f => f.Kind == "eventSubscriptionLeak" && f.Message.Contains("'kept'"));
        GC.KeepAlive(bus);
    }

    [Fact]
    public void A_static_event_subscription_that_is_removed_is_no_leak()
    {
        var run = RecordedRun.Of(EventScenario.SubscribeToStaticEvent);

        var patterns = PatternAnalysis.Analyze(run.Window, LifecycleAnalysis.Analyze(run.Window));
        var events = run.In(Scenario + "SubscribeToStaticEvent").Where(x => x.Event.Kind is EventKind.Subscribe or EventKind.Unsubscribe).ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, x => Assert.Equal(0, x.Event.Value)); // no publisher instance
        Assert.Empty(patterns.EventSubscriptionLeaks);
    }
}
