using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using MemScopeTrace.Model;

namespace MemScopeRuntime.Gc;

/// <summary>
/// Samples the GC on a background timer (MEMSCOPE_GC_SAMPLE_MS, default 100 ms) and at every export.
/// The timer's callback never overlaps itself and never touches the recorder's hot path.
/// </summary>
internal static class GcSampler
{
    private static readonly string[] GenerationNames = { "gen0", "gen1", "gen2", "loh", "poh" };
    /// <summary>36,000 samples: an hour at the default 100 ms at full resolution, then thinned (see <see cref="SampleSeries{T}"/>).</summary>
    public const int MaxSamples = 36_000;

    private static readonly SampleSeries<GcSample> s_samples = new(MaxSamples);
    private static Timer? s_timer;
    private static int s_sampling;

    public static void Start(TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero || s_timer is not null)
            return;
        s_timer = new Timer(_ => SampleOnTimer(), null, TimeSpan.Zero, interval);
    }

    /// <summary>An export's sample: always taken, even while the timer takes one.</summary>
    public static void SampleNow()
    {
        try
        {
            s_samples.Add(Take());
        }
        catch (Exception e)
        {
            InternalFaults.Fault(e);
        }
    }

    // A timer callback holds no lock and is skipped, not queued, if the previous one still runs.
    private static void SampleOnTimer()
    {
        if (Interlocked.Exchange(ref s_sampling, 1) != 0)
            return;
        SampleNow();
        Volatile.Write(ref s_sampling, 0);
    }

    public static List<GcSample> Snapshot() => s_samples.Snapshot();

    private static GcSample Take()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var generations = new GenerationSample[Math.Min(info.GenerationInfo.Length, GenerationNames.Length)];
        for (int i = 0; i < generations.Length; i++)
            generations[i] = new GenerationSample(GenerationNames[i], info.GenerationInfo[i].SizeAfterBytes, info.GenerationInfo[i].FragmentationAfterBytes);

        return new GcSample(
            Stopwatch.GetTimestamp(),
            GC.GetTotalMemory(forceFullCollection: false),
            info.HeapSizeBytes,
            info.TotalCommittedBytes,
            info.FragmentedBytes,
            GC.GetTotalAllocatedBytes(precise: false),
            info.PromotedBytes,
            info.PinnedObjectsCount,
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            info.Index,
            info.Generation,
            info.PauseDurations.Length > 0 ? info.PauseDurations[0].TotalMilliseconds : 0,
            GC.GetTotalPauseDuration().TotalMilliseconds,
            generations);
    }
}
