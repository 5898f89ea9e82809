using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using MemScopeRuntime;
using MemScopeRuntime.Capture;
using MemScopeTestShared;
using MemScopeTrace.Model;

namespace MemScopeStreamingHost;

/// <summary>
/// Waves of threads record far more events than the buffer holds while the main thread keeps taking snapshots;
/// then one last snapshot. Each wave's threads exit before the next starts, so the chunks they leave behind must
/// be streamed by the writer for the next wave to find room. Prints what every snapshot found wrong (nothing, we hope).
/// </summary>
internal static class RecordScenario
{
    private static readonly TimeSpan SnapshotPause = TimeSpan.FromMilliseconds(20);

    public static Results Run(int threads, int perThread, int waves, int eventsPerSecond)
    {
        var clock = Stopwatch.StartNew();
        double perThreadRate = (double)eventsPerSecond / threads;
        var recording = Task.Run(() =>
        {
            for (int wave = 0; wave < waves; wave++)
                Threads.RunAtOnce(threads, t => PacedRecorder.Record(site: wave * threads + t, perThread, TimeSpan.MaxValue, perThreadRate, clock));
        });

        var whileRecording = new SnapshotCheck();
        int snapshots = 0;
        long maxBufferBytes = 0;
        while (!recording.IsCompleted || snapshots == 0)
        {
            whileRecording.Add(Recorder.Snapshot().Events, perThread, sites: threads * waves);
            maxBufferBytes = Math.Max(maxBufferBytes, Recorder.BufferBytes);
            snapshots++;
            Thread.Sleep(SnapshotPause); // a snapshot holds the writer's lock: leave it time to stream
        }
        recording.GetAwaiter().GetResult();

        var final = Recorder.Snapshot();
        var check = new SnapshotCheck();
        check.Add(final.Events, perThread, sites: threads * waves);
        var results = new Results()
            .Add("appended", (long)threads * perThread * waves)
            .Add("kept", final.Events.Length)
            .Add("dropped", final.Dropped)
            .Add("streamed", final.EventsStreamed)
            .Add("streaming", Recorder.IsStreaming ? 1 : 0)
            .Add("duplicates", check.Duplicates)
            .Add("torn", check.Torn)
            .Add("outOfOrder", check.OutOfOrder)
            .Add("foreign", check.Foreign)
            .Add("seconds", clock.Elapsed.TotalSeconds)
            .Add("snapshots", snapshots)
            .Add("duplicatesWhileRecording", whileRecording.Duplicates)
            .Add("tornWhileRecording", whileRecording.Torn)
            .Add("outOfOrderWhileRecording", whileRecording.OutOfOrder)
            .Add("bufferLimitBytes", Recorder.BufferLimitBytes)
            .Add("maxBufferBytes", Math.Max(maxBufferBytes, Recorder.BufferBytes))
            .Add("faults", InternalFaults.FaultCount);
        Recorder.StopStreaming();
        return results;
    }

    /// <summary>Counts, over snapshots, events seen twice, torn, out of their thread's order, or not recorded by this scenario.</summary>
    private sealed class SnapshotCheck
    {
        public long Duplicates, Torn, OutOfOrder, Foreign;

        public void Add(RecordedEvent[] events, int perThread, int sites)
        {
            // Sorted by (site, id) through a primitive key: a comparison delegate over millions of events is slow in Debug.
            var sorted = (RecordedEvent[])events.Clone();
            var keys = Array.ConvertAll(sorted, e => ((long)e.Site << 40) ^ e.ObjectId);
            Array.Sort(keys, sorted);
            for (int i = 0; i < sorted.Length; i++)
            {
                var e = sorted[i];
                if (e.Site < 0 || e.Site >= sites || e.ObjectId < 1 || e.ObjectId > perThread)
                    Foreign++;
                if (!SyntheticEvent.IsWhole(e))
                    Torn++;
                if (i == 0 || sorted[i - 1].Site != e.Site)
                    continue;
                if (sorted[i - 1].ObjectId == e.ObjectId)
                    Duplicates++;
                else if (sorted[i - 1].Timestamp > e.Timestamp)
                    OutOfOrder++; // a thread's later id carries an earlier time: events were mixed up
            }
        }
    }
}
