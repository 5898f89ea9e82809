using System.IO;
using Xunit;

namespace MemScope.Cli.Tests;

[Collection(SampleTracesCollection.Name)]
public sealed class SummaryCommandTests(SampleTraces samples)
{
    [Fact]
    public void Summary_of_a_report_folder_lists_the_leak_with_its_variable_type_and_bytes()
    {
        var result = CliRun.InProcess("summary", samples.UnsafeFfiFolder);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Leaks (1)", result.Output);
        var leakRow = Assert.Single(result.Output.Split('\n'), l => l.Contains("nativeBlock") && l.Contains("requestHeader"));
        Assert.Contains("Marshal.AllocHGlobal", leakRow);
        Assert.Contains("128", leakRow);
        Assert.Contains("Program.cs:", leakRow);
    }

    [Fact]
    public void Summary_lists_each_violation_with_its_variable()
    {
        var result = CliRun.InProcess("summary", samples.Trace(samples.UnsafeFfiFolder));

        Assert.Contains("Violations (3)", result.Output);
        foreach (var (kind, variable) in new[] { ("doubleFree", "frame"), ("freedPointerPassedToNative", "digestInput"), ("useAfterDispose", "manifest") })
            Assert.Contains(result.Output.Split('\n'), l => l.Contains(kind) && l.Contains(variable));
    }

    [Fact]
    public void Summary_names_the_MemoryStream_leaked_in_uploadBuffer()
    {
        var result = CliRun.InProcess("summary", samples.ComplexFolder);

        Assert.Contains(result.Output.Split('\n'), l => l.Contains("System.IO.MemoryStream") && l.Contains("uploadBuffer"));
    }

    [Fact]
    public void Summary_shows_top_types_and_top_allocation_sites()
    {
        var result = CliRun.InProcess("summary", samples.ComplexFolder);

        Assert.Contains("Top types by bytes", result.Output);
        Assert.Contains("Top allocation sites by bytes", result.Output);
        Assert.Contains("System.Collections.Generic.List<string>", result.Output);
    }

    [Fact]
    public void Summary_of_a_folder_with_several_traces_picks_the_one_named_by_base()
    {
        string folder = samples.NewFolder();
        File.Copy(samples.Trace(samples.UnsafeFfiFolder), Path.Combine(folder, "unsafe.mscope"));
        File.Copy(samples.Trace(samples.OwnershipFolder), Path.Combine(folder, "ownership.mscope"));

        var ambiguous = CliRun.InProcess("summary", folder);
        var picked = CliRun.InProcess("summary", folder, "--base", "unsafe");

        Assert.Equal(2, ambiguous.ExitCode);
        Assert.Contains("--base", ambiguous.Error);
        Assert.Equal(0, picked.ExitCode);
        Assert.Contains("requestHeader", picked.Output);
    }
}
