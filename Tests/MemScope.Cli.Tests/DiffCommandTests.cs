using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace MemScope.Cli.Tests;

[Collection(SampleTracesCollection.Name)]
public sealed class DiffCommandTests(SampleTraces samples)
{
    [Fact]
    public void Diff_of_OwnershipDemo_then_UnsafeFfiDemo_shows_the_native_leak_as_new()
    {
        var result = CliRun.InProcess("diff", samples.OwnershipFolder, samples.UnsafeFfiFolder);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("New leaks in b (1)", result.Output);
        Assert.Contains("Leaks gone in b (0)", result.Output);
        Assert.Contains(result.Output.Split('\n'), l => l.Contains("nativeBlock") && l.Contains("requestHeader"));
    }

    [Fact]
    public void Diff_the_other_way_shows_the_leak_as_gone()
    {
        var result = CliRun.InProcess("diff", samples.UnsafeFfiFolder, samples.OwnershipFolder);

        Assert.Contains("New leaks in b (0)", result.Output);
        Assert.Contains("Leaks gone in b (1)", result.Output);
    }

    [Fact]
    public void Diff_matches_leaks_across_runs_by_kind_type_variable_and_site_not_by_address()
    {
        // Two recordings of the same program: addresses and ids differ, the leak is the same.
        var result = CliRun.InProcess("diff", samples.UnsafeFfiFolder, samples.UnsafeFfiSecondRunFolder);

        Assert.Contains("New leaks in b (0)", result.Output);
        Assert.Contains("Leaks gone in b (0)", result.Output);
    }

    [Fact]
    public void Diff_shows_growth_by_type_and_by_site_with_counts_and_bytes_a_to_b()
    {
        var result = CliRun.InProcess("diff", samples.OwnershipFolder, samples.ComplexFolder);

        var lines = result.Output.Split('\n');
        Assert.Contains("Change by type", result.Output);
        Assert.Contains("Change by allocation site", result.Output);
        // OwnershipDemo allocates no MemoryStream; ComplexLifecycleShowcase does, at sites of its Program.cs.
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^│ System\.IO\.MemoryStream\s+│\s+0 → [1-9][0-9]* │\s+\+[1-9]"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"ComplexLifecycleShowcase/Program\.cs:\d+\s+│ System\.IO\.MemoryStream\s+│\s+0 → [1-9]"));
    }
}
