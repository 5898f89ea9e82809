using System.Threading;
using BenchmarkDotNet.Attributes;
using MemScopeRuntime.Capture;
using MemScopeTrace.Model;

namespace MemScopeBenchmarks;

/// <summary>
/// Recording throughput on 1, 2, 4 and 16 threads, each appending its share of the same total.
/// Targets: 2 threads ≥ 1.8× one thread on a 2-core machine; no collapse at 16.
/// Events per second = Events / Mean.
/// </summary>
public class ThreadScalingBenchmarks
{
    private const int Events = 4_000_000;

    [Params(1, 2, 4, 16)]
    public int Threads { get; set; }

    [Benchmark(OperationsPerInvoke = Events)]
    public void RecordOnThreads()
    {
        Recorder.DiscardRecorded(); // keep the buffer from filling: the drop path would flatter the figure
        int perThread = Events / Threads;
        using var start = new Barrier(Threads);
        var threads = new Thread[Threads];
        for (int t = 0; t < Threads; t++)
        {
            threads[t] = new Thread(() =>
            {
                start.SignalAndWait();
                for (int i = 0; i < perThread; i++)
                    Recorder.Append(EventKind.Bind, -7, i, 0);
            });
            threads[t].Start();
        }
        foreach (var thread in threads)
            thread.Join();
    }
}
