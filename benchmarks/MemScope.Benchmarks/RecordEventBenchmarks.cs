using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using MemScopeRuntime;
using MemScopeRuntime.Capture;
using MemScopeTrace.Model;

namespace MemScopeBenchmarks;

/// <summary>
/// The cost of one recorded event next to the timestamp it contains, measured side by side in one run.
/// Target: an event costs at most 1.5x Stopwatch.GetTimestamp().
/// </summary>
[MemoryDiagnoser]
public class RecordEventBenchmarks
{
    private const int EventsPerInvoke = 1000;
    private readonly object _tracked = new();
    private int _site;

    [GlobalSetup]
    public void Setup()
    {
        _site = -42;
        CoarseClock.Start(); // as the first woven call of a program does
        // Identify once, so the probe benchmark measures the steady state of an object already seen.
        Probe.Bind(_tracked, null, _site);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EventsPerInvoke)]
    public long Timestamp()
    {
        long sum = 0;
        for (int i = 0; i < EventsPerInvoke; i++)
            sum += Stopwatch.GetTimestamp();
        return sum;
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public void RecordEvent()
    {
        // Forgetting what was recorded keeps the buffer from filling (the drop path is cheaper and would flatter us);
        // the arrays of full chunks go back to the pool, as they do when streaming.
        Recorder.DiscardRecorded();
        for (int i = 0; i < EventsPerInvoke; i++)
            Recorder.Append(EventKind.Bind, _site, i, 0);
    }

    /// <summary>What a woven store to a tracked local costs: identity lookup plus the event.</summary>
    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public void WovenBindOfAKnownObject()
    {
        Recorder.DiscardRecorded();
        for (int i = 0; i < EventsPerInvoke; i++)
            Probe.Bind(_tracked, null, _site);
    }
}
