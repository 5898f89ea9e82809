using System.Linq;
using Xunit;

namespace MemScope.Cli.Tests;

[Collection(SampleTracesCollection.Name)]
public sealed class CheckCommandTests(SampleTraces samples)
{
    [Fact]
    public void Check_exits_1_on_UnsafeFfiDemo_listing_the_leak_and_every_violation()
    {
        var result = CliRun.InProcess("check", samples.UnsafeFfiFolder);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.Split('\n');
        Assert.Contains(lines, l => l.Contains("nativeBlock") && l.Contains("'requestHeader'"));
        Assert.Contains(lines, l => l.Contains("doubleFree") && l.Contains("'frame'"));
        Assert.Contains(lines, l => l.Contains("freedPointerPassedToNative") && l.Contains("'digestInput'"));
        Assert.Contains(lines, l => l.Contains("useAfterDispose") && l.Contains("'manifest'"));
        Assert.Contains("FAILED", lines.Last(l => l.Length > 0));
    }

    [Fact]
    public void Check_exits_0_on_OwnershipDemo()
    {
        var result = CliRun.InProcess("check", samples.OwnershipFolder);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("OK", result.Output);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void Check_fail_on_violations_passes_a_trace_whose_only_problem_is_a_leak()
    {
        var byDefault = CliRun.InProcess("check", samples.ComplexFolder);
        var violationsOnly = CliRun.InProcess("check", samples.ComplexFolder, "--fail-on", "violations");

        Assert.Equal(1, byDefault.ExitCode);
        Assert.Contains("uploadBuffer", byDefault.Output);
        Assert.Equal(0, violationsOnly.ExitCode);
    }

    [Fact]
    public void Check_fail_on_growth_passes_a_run_without_growth()
    {
        var result = CliRun.InProcess("check", samples.OwnershipFolder, "--fail-on", "leaks,violations,growth");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 growing types", result.Output);
    }

    [Fact]
    public void Check_with_an_unknown_fail_on_value_is_a_usage_error_with_exit_code_2()
    {
        var result = CliRun.InProcess("check", samples.OwnershipFolder, "--fail-on", "leak");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'leak'", result.Error);
    }
}
