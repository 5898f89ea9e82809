using System;
using System.Linq;
using MemScopeRuntime.Gc;
using Xunit;

namespace MemScopeRuntimeTests;

public class GcSamplerTests
{
    [Fact]
    public void A_sample_taken_after_a_full_collection_counts_it_in_every_generation()
    {
        GcSampler.SampleNow();
        var before = GcSampler.Snapshot()[^1];

        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        GcSampler.SampleNow();
        var after = GcSampler.Snapshot()[^1];

        Assert.True(after.Gen2Collections > before.Gen2Collections);
        Assert.True(after.Gen0Collections > before.Gen0Collections);
        Assert.True(after.Timestamp > before.Timestamp);
        Assert.True(after.HeapBytes > 0);
        Assert.Equal(new[] { "gen0", "gen1", "gen2", "loh", "poh" }, after.Generations.Select(g => g.Name));
    }

    [Fact]
    public void A_snapshot_of_the_recording_carries_a_fresh_GC_sample()
    {
        var recording = MemScope.Snapshot();

        Assert.NotEmpty(recording.GcSamples);
        Assert.True(recording.GcSamples[^1].AllocatedNowBytes > 0);
    }
}
