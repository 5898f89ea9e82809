using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace MemScope.Cli.Tests;

[Collection(SampleTracesCollection.Name)]
public sealed class ReportCommandTests(SampleTraces samples)
{
    [Fact]
    public void Report_writes_the_json_set_and_the_trace_into_the_output_folder()
    {
        string output = samples.NewFolder();

        var result = CliRun.InProcess("report", samples.Trace(samples.UnsafeFfiFolder), "-o", output, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        foreach (var suffix in new[] { "_memory_analysis", "_lifetime", "_unsafe_ffi", "_security_violations", "_complex_types", "_patterns", "_performance" })
            Assert.True(File.Exists(Path.Combine(output, $"unsafe_ffi_demo{suffix}.json")), suffix + " missing");
        Assert.True(File.Exists(Path.Combine(output, "unsafe_ffi_demo.mscope")));
        using var analysis = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "unsafe_ffi_demo_memory_analysis.json")));
        Assert.Equal(1, analysis.RootElement.GetProperty("leaks").GetArrayLength());
    }

    [Fact]
    public void Report_with_format_svg_writes_the_three_charts()
    {
        string output = samples.NewFolder();

        var result = CliRun.InProcess("report", samples.Trace(samples.OwnershipFolder), "-o", output, "--format", "svg");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["ownership_demo_lifetimes.svg", "ownership_demo_timeline.svg", "ownership_demo_types.svg"],
            Directory.GetFileSystemEntries(output).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Report_with_format_html_keeps_only_the_dashboard()
    {
        string output = samples.NewFolder();

        var result = CliRun.InProcess("report", samples.Trace(samples.OwnershipFolder), "-o", output, "--format", "html");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["dashboard.html"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));
    }

    [Fact]
    public void Report_without_output_writes_into_a_folder_named_after_the_trace_next_to_it()
    {
        string folder = samples.NewFolder();
        string trace = Path.Combine(folder, "nightly.mscope");
        File.Copy(samples.Trace(samples.OwnershipFolder), trace);

        var result = CliRun.InProcess("report", trace, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(folder, "nightly", "nightly_memory_analysis.json")));
        Assert.True(File.Exists(trace), "the input trace must be left alone");
    }
}
