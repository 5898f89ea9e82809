using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace MemScope.Cli.Tests;

[Collection(SampleTracesCollection.Name)]
public sealed class DiffCommandTests(SampleTraces samples)
{
    [Fact]
    public void Diff_of_OwnershipDemo_then_UnsafeFfiDemo_shows_the_native_leak_and_the_violations_as_new()
    {
        var result = CliRun.InProcess("diff", samples.OwnershipFolder, samples.UnsafeFfiFolder);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("New leaks in b (1)", result.Output);
        Assert.Contains("Leaks gone in b (0)", result.Output);
        Assert.Contains("New violations in b (3)", result.Output);
        Assert.Contains(result.Output.Split('\n'), l => l.Contains("nativeBlock") && l.Contains("requestHeader") && l.Contains("Program.PrepareRequestHeader"));
        Assert.Contains(result.Output.Split('\n'), l => l.Contains("doubleFree") && l.Contains("frame"));
    }

    [Fact]
    public void Diff_the_other_way_shows_the_leak_and_the_violations_as_gone()
    {
        var result = CliRun.InProcess("diff", samples.UnsafeFfiFolder, samples.OwnershipFolder);

        Assert.Contains("New leaks in b (0)", result.Output);
        Assert.Contains("Leaks gone in b (1)", result.Output);
        Assert.Contains("Violations gone in b (3)", result.Output);
    }

    [Fact]
    public void Diff_matches_findings_across_runs_whose_ids_and_addresses_differ()
    {
        // Two recordings of the same program: addresses and ids differ, the leak and the violations are the same.
        var result = CliRun.InProcess("diff", samples.UnsafeFfiFolder, samples.UnsafeFfiSecondRunFolder);

        Assert.Contains("New leaks in b (0)", result.Output);
        Assert.Contains("Leaks gone in b (0)", result.Output);
        Assert.Contains("New violations in b (0)", result.Output);
        Assert.Contains("Violations gone in b (0)", result.Output);
    }

    [Fact]
    public void Diff_does_not_report_unchanged_findings_as_new_and_gone_when_lines_were_added_above_them()
    {
        // Every site three lines further down, as after adding three lines at the top of each file.
        string moved = Write("moved", TraceImage.Read(samples.Trace(samples.UnsafeFfiFolder))
            .WithSites(sites => { foreach (var site in sites) site!["line"] = site["line"]!.GetValue<int>() + 3; }));

        var result = CliRun.InProcess("diff", samples.UnsafeFfiFolder, moved, "--fail-on", "new-leaks,new-violations");

        Assert.Equal(0, result.ExitCode);
        foreach (var section in new[] { "New leaks in b (0)", "Leaks gone in b (0)", "New violations in b (0)", "Violations gone in b (0)", "Change by allocation site (0 changed)" })
            Assert.Contains(section, result.Output);
        Assert.Contains("memscope diff: OK", result.Output);
    }

    [Fact]
    public void Diff_reports_a_leak_whose_variable_changed_as_one_new_and_one_gone()
    {
        string renamed = Write("renamed", TraceImage.Read(samples.Trace(samples.UnsafeFfiFolder))
            .WithSites(sites => { foreach (var site in sites.Where(s => s!["name"]?.GetValue<string>() == "requestHeader")) site!["name"] = "header"; }));

        var result = CliRun.InProcess("diff", samples.UnsafeFfiFolder, renamed);

        Assert.Contains("New leaks in b (1)", result.Output);
        Assert.Contains("Leaks gone in b (1)", result.Output);
        Assert.Contains("New violations in b (0)", result.Output);
    }

    [Fact]
    public void Diff_fail_on_new_leaks_exits_1_only_when_b_has_a_leak_that_a_has_not()
    {
        Assert.Equal(1, CliRun.InProcess("diff", samples.OwnershipFolder, samples.UnsafeFfiFolder, "--fail-on", "new-leaks").ExitCode);
        Assert.Equal(0, CliRun.InProcess("diff", samples.UnsafeFfiFolder, samples.OwnershipFolder, "--fail-on", "new-leaks").ExitCode);
        Assert.Equal(0, CliRun.InProcess("diff", samples.UnsafeFfiFolder, samples.UnsafeFfiSecondRunFolder, "--fail-on", "new-leaks").ExitCode);
        var failed = CliRun.InProcess("diff", samples.OwnershipFolder, samples.UnsafeFfiFolder, "--fail-on", "new-leaks");
        Assert.Contains("memscope diff: FAILED — 1 new leak in unsafe_ffi_demo", failed.Output);
    }

    [Fact]
    public void Diff_fail_on_new_violations_looks_at_violations_only()
    {
        // ComplexLifecycleShowcase has a leak and no violation.
        Assert.Equal(0, CliRun.InProcess("diff", samples.OwnershipFolder, samples.ComplexFolder, "--fail-on", "new-violations").ExitCode);
        Assert.Equal(1, CliRun.InProcess("diff", samples.OwnershipFolder, samples.ComplexFolder, "--fail-on", "new-leaks").ExitCode);
        Assert.Equal(1, CliRun.InProcess("diff", samples.ComplexFolder, samples.UnsafeFfiFolder, "--fail-on", "new-violations").ExitCode);
    }

    [Fact]
    public void Diff_without_fail_on_is_informational_and_exits_0_even_with_new_findings()
    {
        var result = CliRun.InProcess("diff", samples.OwnershipFolder, samples.UnsafeFfiFolder);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("memscope diff:", result.Output);
    }

    [Fact]
    public void Diff_with_an_unknown_fail_on_value_is_a_usage_error_with_exit_code_2()
    {
        var result = CliRun.InProcess("diff", samples.OwnershipFolder, samples.UnsafeFfiFolder, "--fail-on", "leaks");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'leaks'", result.Error);
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

    [Fact]
    public void Check_sarif_fingerprints_stay_the_same_when_lines_move()
    {
        string moved = Write("moved", TraceImage.Read(samples.Trace(samples.UnsafeFfiFolder))
            .WithSites(sites => { foreach (var site in sites) site!["line"] = site["line"]!.GetValue<int>() + 7; }));

        var before = Fingerprints(CliRun.InProcess("check", samples.UnsafeFfiFolder, "--format", "sarif").Output);
        var after = Fingerprints(CliRun.InProcess("check", moved, "--format", "sarif").Output);

        Assert.Equal(4, before.Length);
        Assert.Equal(before, after);
    }

    private static string[] Fingerprints(string sarif) =>
        JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray()
            .Select(r => r!["partialFingerprints"]!["memscopeFindingIdentity/v1"]!.GetValue<string>()).ToArray();

    private string Write(string name, TraceImage image)
    {
        string path = Path.Combine(samples.NewFolder(), name + ".mscope");
        File.WriteAllBytes(path, image.ToBytes());
        return path;
    }
}
