extern alias unwoven;
extern alias woven;

using System;
using System.Diagnostics;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MemScopeRuntime.Capture;

namespace MemScopeBenchmarks;

/// <summary>
/// What weaving costs, the same source woven and not woven, side by side in one run:
/// <list type="bullet">
/// <item>the SpeedTest workload (samples/SpeedTest.Workload: parsing, dictionaries, sorting, string building,
/// main types [Tracked]) against the same files compiled without the weaver (benchmarks/SpeedTest.Unwoven);
/// target ≤ 1.05×;</item>
/// <item>an allocation-only loop of a small [Tracked] class, every allocation tracked where woven; target ≤ 6×.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
public class WeavingOverheadBenchmarks
{
    private const int Lines = 5_000;
    private const int Allocations = 100_000;

    private List<string> _input = new();

    [GlobalSetup]
    public void Setup()
    {
        // The woven assembly registers with MemScope and would export at process exit; nothing here is worth a report.
        Environment.SetEnvironmentVariable("MEMSCOPE_EXPORT", "none");
        _input = unwoven::SpeedTestWorkload.CsvSource.Generate(Lines);
        var plain = unwoven::SpeedTestWorkload.SpeedWorkload.Run(_input);
        var tracked = woven::SpeedTestWorkload.SpeedWorkload.Run(_input);
        if (plain.ReportHash != tracked.ReportHash)
            throw new InvalidOperationException("The woven workload computed something else than the unwoven one.");
        if (unwoven::SpeedTestWorkload.AllocationLoop.Run(1000) != woven::SpeedTestWorkload.AllocationLoop.Run(1000))
            throw new InvalidOperationException("The woven allocation loop computed something else than the unwoven one.");
    }

    [Benchmark(Baseline = true), BenchmarkCategory("SpeedTest")]
    public ulong SpeedTestUnwoven()
    {
        Recorder.DiscardRecorded(); // in both, for symmetry: the woven run must never hit the drop path
        return unwoven::SpeedTestWorkload.SpeedWorkload.Run(_input).ReportHash;
    }

    [Benchmark, BenchmarkCategory("SpeedTest")]
    public ulong SpeedTestWoven()
    {
        Recorder.DiscardRecorded();
        return woven::SpeedTestWorkload.SpeedWorkload.Run(_input).ReportHash;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Allocations), BenchmarkCategory("AllocationLoop")]
    public long AllocationLoopUnwoven()
    {
        Recorder.DiscardRecorded();
        return unwoven::SpeedTestWorkload.AllocationLoop.Run(Allocations);
    }

    /// <summary>The floor of any timestamped event: the same untracked <c>new</c> plus one <c>Stopwatch.GetTimestamp()</c>.</summary>
    [Benchmark(OperationsPerInvoke = Allocations), BenchmarkCategory("AllocationLoop")]
    public long AllocationLoopPlusTimestamp()
    {
        Recorder.DiscardRecorded();
        long sum = 0;
        for (int i = 0; i < Allocations; i++)
            sum += new unwoven::SpeedTestWorkload.Particle(i, Allocations - i).Weight + (Stopwatch.GetTimestamp() & 1);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Allocations), BenchmarkCategory("AllocationLoop")]
    public long AllocationLoopWoven()
    {
        Recorder.DiscardRecorded();
        return woven::SpeedTestWorkload.AllocationLoop.Run(Allocations);
    }
}
