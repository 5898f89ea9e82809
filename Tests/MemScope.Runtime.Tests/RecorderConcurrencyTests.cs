using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MemScopeRuntime.Capture;
using MemScopeTestShared;
using Xunit;
using MemScopeTrace.Model;

namespace MemScopeRuntimeTests;

public class RecorderConcurrencyTests
{
    // Sites no woven assembly uses, so these tests see only their own events.
    private static int s_nextSiteBlock = -1_000_000;

    private static int ReserveSites(int count) => Interlocked.Add(ref s_nextSiteBlock, -count) + 1;

    private static List<RecordedEvent> EventsAt(RecordingData snapshot, int firstSite, int count) =>
        snapshot.Events.Where(e => e.Site >= firstSite && e.Site < firstSite + count).ToList();

    [Fact(Timeout = 60_000)]
    public async System.Threading.Tasks.Task Eight_threads_recording_at_once_lose_and_duplicate_nothing()
    {
        const int threads = 8, perThread = 100_000;
        int firstSite = ReserveSites(threads);
        long droppedBefore = Recorder.Snapshot().Dropped;

        await System.Threading.Tasks.Task.Run(() => Threads.RunAtOnce(threads, t =>
        {
            for (int i = 0; i < perThread; i++)
                Recorder.Append(EventKind.Bind, firstSite + t, i + 1, t);
        }));

        var snapshot = Recorder.Snapshot();
        long dropped = snapshot.Dropped - droppedBefore;
        var events = EventsAt(snapshot, firstSite, threads);
        // Other tests of this process share the bounded buffer, so some events may have been dropped: counted, never lost.
        Assert.Equal(threads * perThread, events.Count + dropped);
        foreach (var group in events.GroupBy(e => e.Site))
        {
            var ids = group.Select(e => e.ObjectId).OrderBy(i => i).ToList();
            Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => (long)i), ids); // each kept once, as a prefix
            Assert.Single(group.Select(e => e.ThreadId).Distinct());
        }
    }

    [Fact(Timeout = 120_000)]
    public async System.Threading.Tasks.Task Sixty_four_threads_of_a_hundred_thousand_events_finish_without_deadlock_and_lose_nothing_uncounted()
    {
        const int threads = 64, perThread = 100_000;
        int firstSite = ReserveSites(threads);
        long droppedBefore = Recorder.Snapshot().Dropped;

        await System.Threading.Tasks.Task.Run(() => Threads.RunAtOnce(threads, t =>
        {
            for (int i = 0; i < perThread; i++)
                Recorder.Append(EventKind.Alloc, firstSite + t, i + 1, 32);
        }));

        var snapshot = Recorder.Snapshot();
        var events = EventsAt(snapshot, firstSite, threads);
        long dropped = snapshot.Dropped - droppedBefore;
        Assert.Equal((long)threads * perThread, events.Count + dropped);
        foreach (var group in events.GroupBy(e => e.Site))
        {
            // Whatever a thread kept is a prefix of what it recorded: drops only ever cut the end, never a hole.
            var ids = group.Select(e => e.ObjectId).OrderBy(i => i).ToList();
            Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => (long)i), ids);
        }
    }

    [Fact(Timeout = 60_000)]
    public async System.Threading.Tasks.Task A_snapshot_taken_while_threads_record_sees_each_thread_as_a_complete_prefix()
    {
        const int threads = 4, perThread = 200_000;
        int firstSite = ReserveSites(threads);
        using var stop = new CancellationTokenSource();

        var writers = System.Threading.Tasks.Task.Run(() => Threads.RunAtOnce(threads, t =>
        {
            for (int i = 0; i < perThread; i++)
                Recorder.Append(EventKind.Alloc, firstSite + t, i + 1, 64);
        }));

        int snapshots = 0;
        while (!writers.IsCompleted || snapshots == 0)
        {
            var events = EventsAt(Recorder.Snapshot(), firstSite, threads);
            foreach (var group in events.GroupBy(e => e.Site))
            {
                // Per thread, events arrive in order: a consistent snapshot holds 1..k, no gap, no torn event.
                var ids = group.Select(e => e.ObjectId).OrderBy(i => i).ToList();
                Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => (long)i), ids);
                Assert.All(group, e => Assert.Equal(64, e.Value));
            }
            snapshots++;
        }
        await writers;
        Assert.True(snapshots > 0);
    }

    [Fact(Timeout = 30_000)]
    public async System.Threading.Tasks.Task Events_of_a_thread_that_has_exited_are_still_exported()
    {
        await System.Threading.Tasks.Task.Yield();
        int site = ReserveSites(1);
        var thread = new Thread(() =>
        {
            for (int i = 0; i < 10; i++)
                Recorder.Append(EventKind.Bind, site, i + 1, 0);
        });
        thread.Start();
        thread.Join();

        var events = EventsAt(Recorder.Snapshot(), site, 1);
        Assert.Equal(10, events.Count);
        Assert.All(events, e => Assert.Equal(thread.ManagedThreadId, e.ThreadId));
    }

    [Fact]
    public void A_recorded_event_takes_32_bytes()
    {
        Assert.Equal(32, System.Runtime.CompilerServices.Unsafe.SizeOf<TraceEvent>());
    }
}

public class RecorderSettingsTests
{
    [Fact]
    public void The_test_run_gives_the_recorder_the_room_its_runsettings_ask_for()
    {
        // Guards test.runsettings: without it the concurrency tests could exhaust the default 256 MB and drop others' events.
        Assert.Equal(1024L * 1024 * 1024 / (EventChunk.Capacity * 32), Recorder.MaxChunks);
    }
}
