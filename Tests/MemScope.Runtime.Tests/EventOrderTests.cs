using System;
using System.Collections.Generic;
using System.Linq;
using MemScopeReports.Analysis;
using MemScopeRuntime.Identity;
using MemScopeTrace.Model;
using Xunit;

namespace MemScopeRuntimeTests;

/// <summary>
/// A recording is ordered by timestamp, then thread, then the order each thread recorded its events: with a coarse
/// clock many events share a timestamp, and each thread's own order must survive that.
/// </summary>
public class EventOrderTests
{
    private static readonly SiteInfo NewList = new(1, SiteKind.Alloc, "App", "Program.Work", "Program.cs", 10, 9, "items", "List<int>");
    private static readonly SiteInfo BindItems = new(2, SiteKind.Local, "App", "Program.Work", "Program.cs", 10, 9, "items", "List<int>");
    private static readonly SiteInfo EndItems = new(3, SiteKind.ScopeEnd, "App", "Program.Work", "Program.cs", 20, 5, "items", "List<int>");

    private static RecordedEvent At(long timestamp, int thread, EventKind kind, int site, long objectId, long value = 0) =>
        new(new TraceEvent(timestamp, kind, site, objectId, value), thread);

    private static Recording RecordingOf(params RecordedEvent[] events) =>
        new(new RecordingData(events, 0, new List<RecordedThread>()) { Types = TypeRegistry.Describe(events) },
            new SiteTable(new[] { NewList, BindItems, EndItems }), 0, DateTimeOffset.UnixEpoch, 0);

    [Fact]
    public void Events_of_two_threads_sharing_one_timestamp_keep_each_threads_own_order()
    {
        // Each thread's events are listed in its own order, the threads one after the other, as the recorder lists them.
        var events = new List<RecordedEvent>();
        for (int i = 0; i < 5_000; i++)
            events.Add(At(7, thread: 2, EventKind.Bind, 2, objectId: i));
        for (int i = 0; i < 5_000; i++)
            events.Add(At(7, thread: 1, EventKind.Bind, 2, objectId: i));

        var ordered = RecordingOf(events.ToArray()).Events;

        Assert.Equal(Enumerable.Range(0, 5_000).Select(i => (long)i), ordered.Where(e => e.ThreadId == 1).Select(e => e.ObjectId));
        Assert.Equal(Enumerable.Range(0, 5_000).Select(i => (long)i), ordered.Where(e => e.ThreadId == 2).Select(e => e.ObjectId));
    }

    [Fact]
    public void Events_are_ordered_by_timestamp_then_thread_then_recording_order()
    {
        var ordered = RecordingOf(
            At(5, thread: 9, EventKind.Bind, 2, objectId: 1),
            At(5, thread: 9, EventKind.Bind, 2, objectId: 2),
            At(3, thread: 9, EventKind.Bind, 2, objectId: 3),
            At(5, thread: 4, EventKind.Bind, 2, objectId: 4),
            At(4, thread: 4, EventKind.Bind, 2, objectId: 5)).Events;

        Assert.Equal(new long[] { 3, 5, 4, 1, 2 }, ordered.Select(e => e.ObjectId));
    }

    [Fact]
    public void An_object_born_on_one_thread_comes_before_another_threads_events_about_it_at_the_same_timestamp()
    {
        long identity = new IdentityValue(TypeRegistry.IdOf(typeof(List<int>)), 32, 1).Pack();
        // Thread 1 sorts first at a tie, but it disposed an object thread 2 allocated in the same clock period.
        var recording = RecordingOf(
            At(100, 1, EventKind.Bind, BindItems.Id, 7),
            At(100, 1, EventKind.Dispose, 0, 7),
            At(100, 2, EventKind.Bind, BindItems.Id, 8),
            At(100, 2, EventKind.Alloc, NewList.Id, 7, identity),
            At(100, 2, EventKind.Bind, BindItems.Id, 9));

        Assert.Equal(
            new[] { (2, EventKind.Bind, 8L), (2, EventKind.Alloc, 7L), (1, EventKind.Bind, 7L), (1, EventKind.Dispose, 7L), (2, EventKind.Bind, 9L) },
            recording.Events.Select(e => (e.ThreadId, e.Kind, e.ObjectId)));
        Assert.NotNull(ObjectTimelines.Build(recording).Single(o => o.Id == 7).DisposedAt);
    }

    [Fact]
    public void The_same_events_listed_thread_by_thread_in_another_order_give_the_same_recording()
    {
        var first = new[] { At(1, 1, EventKind.Bind, 2, 1), At(1, 1, EventKind.Bind, 2, 2), At(1, 2, EventKind.Bind, 2, 3) };
        var second = new[] { At(1, 2, EventKind.Bind, 2, 3), At(1, 1, EventKind.Bind, 2, 1), At(1, 1, EventKind.Bind, 2, 2) };

        Assert.Equal(RecordingOf(first).Events, RecordingOf(second).Events);
    }

    [Fact]
    public void A_scope_end_recorded_at_the_timestamp_of_its_bind_still_ends_the_holding()
    {
        long identity = new IdentityValue(TypeRegistry.IdOf(typeof(List<int>)), 32, 1).Pack();
        var recording = RecordingOf(
            At(100, 1, EventKind.Alloc, NewList.Id, 7, identity),
            At(100, 1, EventKind.Bind, BindItems.Id, 7),
            At(100, 1, EventKind.ScopeEnd, EndItems.Id, 7));

        var holding = Assert.Single(ObjectTimelines.Build(recording).Single(o => o.Id == 7).Holdings);

        Assert.Equal(HoldingEnd.ScopeEnded, holding.EndReason);
    }
}
