using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using MemScopeRuntime;
using MemScopeRuntime.Capture;

namespace MemScopeStreamingHost;

/// <summary>
/// Records at a steady rate for a fixed time (paced, so the spill file grows by a known amount rather than as fast
/// as the disk allows) and samples the tracker's memory every quarter second: the buffer, the live GC heap and the
/// process's working set. After a warm-up, with the stream writer keeping up, all three must stay flat.
/// </summary>
internal static class SoakScenario
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(250);

    public static Results Run(TimeSpan duration, int threads, int eventsPerSecond)
    {
        var clock = Stopwatch.StartNew();
        var warmUp = TimeSpan.FromTicks(Math.Min(duration.Ticks / 5, TimeSpan.FromSeconds(3).Ticks));
        var appended = new long[threads];
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
            appended[t] = PacedRecorder.Record(site: t, long.MaxValue, duration, (double)eventsPerSecond / threads, clock))).ToList();
        workers.ForEach(w => w.Start());

        var afterWarmUp = new List<Sample>();
        long maxBufferBytes = 0;
        while (workers.Any(w => w.IsAlive))
        {
            Thread.Sleep(SampleEvery);
            var sample = Sample.Now();
            maxBufferBytes = Math.Max(maxBufferBytes, sample.BufferBytes);
            if (clock.Elapsed > warmUp)
                afterWarmUp.Add(sample);
        }
        workers.ForEach(w => w.Join());
        double seconds = clock.Elapsed.TotalSeconds;
        if (afterWarmUp.Count == 0)
            afterWarmUp.Add(Sample.Now());

        long total = appended.Sum();
        var results = new Results()
            .Add("seconds", seconds)
            .Add("appended", total)
            .Add("accounted", Recorder.CountEvents()) // kept (in memory or streamed) + dropped: must equal appended
            .Add("streamed", Recorder.CountStreamed())
            .Add("dropped", Recorder.CountDropped())
            .Add("streaming", Recorder.IsStreaming ? 1 : 0)
            .Add("bufferLimitBytes", Recorder.BufferLimitBytes)
            .Add("maxBufferBytes", maxBufferBytes)
            .Add("samples", afterWarmUp.Count)
            .Add("heapMinBytes", afterWarmUp.Min(s => s.HeapBytes))
            .Add("heapMaxBytes", afterWarmUp.Max(s => s.HeapBytes))
            .Add("workingSetMinBytes", afterWarmUp.Min(s => s.WorkingSetBytes))
            .Add("workingSetMaxBytes", afterWarmUp.Max(s => s.WorkingSetBytes))
            .Add("heapMaxByQuarterBytes", ByQuarter(afterWarmUp, s => s.HeapBytes))
            .Add("workingSetMaxByQuarterBytes", ByQuarter(afterWarmUp, s => s.WorkingSetBytes))
            .Add("gen2Collections", GC.CollectionCount(2))
            .Add("faults", InternalFaults.FaultCount);
        Recorder.StopStreaming();
        return results;
    }

    /// <summary>The highest value in each quarter of the run after warm-up: flat memory shows no trend from one to the next.</summary>
    private static string ByQuarter(List<Sample> samples, Func<Sample, long> value) =>
        string.Join(",", Enumerable.Range(0, 4).Select(q =>
            samples.Skip(q * samples.Count / 4).Take(Math.Max(1, (q + 1) * samples.Count / 4 - q * samples.Count / 4)).Max(value)));

    private readonly record struct Sample(long BufferBytes, long HeapBytes, long WorkingSetBytes)
    {
        // The heap after a full collection: live memory only. Without it, dead chunk objects promoted before they
        // died wait in gen2 for its next collection (rare here) and read as growth.
        public static Sample Now() => new(Recorder.BufferBytes, GC.GetTotalMemory(forceFullCollection: true), Environment.WorkingSet);
    }
}
