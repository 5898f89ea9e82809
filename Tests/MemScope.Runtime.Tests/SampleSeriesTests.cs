using System.Linq;
using MemScopeRuntime.Gc;
using Xunit;

namespace MemScopeRuntimeTests;

public class SampleSeriesTests
{
    [Fact]
    public void A_full_series_keeps_every_other_sample_and_stays_within_its_capacity()
    {
        var series = new SampleSeries<int>(capacity: 8);

        for (int i = 0; i < 1000; i++)
            series.Add(i);

        var samples = series.Snapshot();
        Assert.True(samples.Count <= 8);
        Assert.Equal(0, samples[0]);                   // the start of the run is kept
        Assert.Equal(999, samples[^1]);                // and so is the latest sample
        Assert.Equal(samples.OrderBy(x => x), samples); // in time order
    }

    [Fact]
    public void A_series_below_its_capacity_keeps_everything()
    {
        var series = new SampleSeries<int>(capacity: 8);

        for (int i = 0; i < 5; i++)
            series.Add(i);

        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, series.Snapshot());
    }
}
