using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using MemScopeRuntime;

namespace MemScopeBenchmarks;

/// <summary>
/// What a woven call costs with MEMSCOPE_ENABLED=0 (the kill switch): the same probes, one job with the switch
/// off and one with it on. Target: off costs one branch, next to nothing.
/// </summary>
[Config(typeof(Settings))]
public class DisabledCostBenchmarks
{
    private const int Calls = 1000;
    private readonly object _held = new();

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public int NoProbe()
    {
        int sum = 0;
        for (int i = 0; i < Calls; i++)
            sum += i;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public int WovenBind()
    {
        MemScopeRuntime.Capture.Recorder.DiscardRecorded(); // with MemScope on, keep measuring recording, not dropping
        int sum = 0;
        for (int i = 0; i < Calls; i++)
        {
            Probe.Bind(_held, null, -9);
            sum += i;
        }
        return sum;
    }

    private sealed class Settings : ManualConfig
    {
        public Settings()
        {
            // MemScope on is the run's own job (DefaultJob, or ShortRun with --job short): only the switched-off process is added.
            AddJob(Job.ShortRun.WithEnvironmentVariables(new EnvironmentVariable("MEMSCOPE_ENABLED", "0")).WithId("Disabled"));
        }
    }
}
