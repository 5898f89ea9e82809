using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using MemScopeRuntime.Capture;
using MemScopeTrace.Format;
using Xunit;

namespace MemScopeRuntimeTests;

public class AllocationSamplingTests
{
    [Fact]
    public void Sampling_one_in_ten_takes_about_a_tenth_of_a_million_allocations()
    {
        int taken = 0;
        for (int i = 0; i < 1_000_000; i++)
        {
            if (AllocationSampler.Take(10))
                taken++;
        }

        Assert.InRange(taken, 97_000, 103_000); // mean 100,000, standard deviation about 300
    }

    [Fact]
    public void Without_sampling_every_allocation_is_taken()
    {
        Assert.All(Enumerable.Range(0, 1000), _ => Assert.True(AllocationSampler.Take(1)));
    }

    [Fact]
    public void A_sampled_run_says_so_in_every_report_file_and_in_the_trace_and_scales_its_estimates()
    {
        var run = SampleProcess.Run(new Dictionary<string, string> { ["MEMSCOPE_SAMPLE"] = "3" }, "ComplexLifecycleShowcase");
        string folder = Path.Combine(run.OutputDirectory, "complex_lifecycle");

        foreach (var file in Directory.GetFiles(folder, "*.json"))
            Assert.Equal(3, JsonNode.Parse(File.ReadAllText(file))!["sampledOneIn"]!.GetValue<int>());
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "complex_lifecycle_memory_analysis.json")))!["summary"]!;
        Assert.Equal(summary["allocatedObjects"]!.GetValue<long>() * 3, summary["estimatedAllocatedObjects"]!.GetValue<long>());
        Assert.Equal(3, TraceFile.Read(Path.Combine(folder, "complex_lifecycle.mscope")).SampleOneIn);
    }
}
