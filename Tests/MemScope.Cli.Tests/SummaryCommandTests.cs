using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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
    public void Summary_of_a_clean_run_says_so_in_one_line_instead_of_printing_empty_tables()
    {
        var result = CliRun.InProcess("summary", samples.OwnershipFolder);

        Assert.Contains("No leaks and no violations.", result.Output);
        Assert.DoesNotContain("Leaks (", result.Output);
        Assert.DoesNotContain("Violations (", result.Output);
        Assert.DoesNotContain("none", result.Output);
        Assert.DoesNotContain("findings", result.Output);
    }

    [Fact]
    public void Summary_with_leaks_but_no_violations_shows_the_leak_table_and_says_there_are_no_violations()
    {
        var result = CliRun.InProcess("summary", samples.ComplexFolder);

        Assert.Contains("Leaks (1)", result.Output);
        Assert.Contains("No violations.", result.Output);
        Assert.DoesNotContain("Violations (", result.Output);
    }

    [Fact]
    public void Summary_does_not_repeat_the_leaks_and_violations_in_a_diagnosis_section()
    {
        var result = CliRun.InProcess("summary", samples.UnsafeFfiFolder);

        var lines = result.Output.Split('\n');
        foreach (var variable in new[] { "requestHeader", "frame", "digestInput", "manifest" })
            Assert.Single(lines, l => l.Contains($" {variable} "));
        Assert.DoesNotContain("Diagnosis", result.Output);
        Assert.DoesNotContain("findings", result.Output);
    }

    [Fact]
    public void Summary_shows_the_diagnosis_findings_that_are_not_leaks_or_violations_with_paths_shortened()
    {
        // One allocation of OwnershipDemo made 200,000 bytes: a large-object-heap finding, which no other table shows.
        var image = TraceImage.Read(samples.Trace(samples.OwnershipFolder));
        var events = image.Block(TraceImage.Events);
        var alloc = TraceFields.Of(events).First(f => f.Name == "event.kind" && events.Payload[f.Offset] == 1);
        var value = events.Payload.AsSpan(alloc.Offset - 12, 8);
        BinaryPrimitives.WriteInt64LittleEndian(value, (BinaryPrimitives.ReadInt64LittleEndian(value) & 0xFFFF_FFFF) | (200_000L << 32));
        string trace = Path.Combine(samples.NewFolder(), "large.mscope");
        File.WriteAllBytes(trace, image.ToBytes());

        var result = CliRun.InProcess("summary", trace);

        string findings = result.Output[result.Output.IndexOf("Other findings (1)", System.StringComparison.Ordinal)..];
        Assert.Contains("│ info ", findings);
        Assert.Contains("large object heap", findings);
        Assert.DoesNotContain("/samples/OwnershipDemo/", findings);
    }

    [Fact]
    public void Summary_on_a_terminal_shows_errors_in_red()
    {
        var result = CliRun.InConsole(terminal: true, new Dictionary<string, string>(), "summary", samples.UnsafeFfiFolder);

        var lines = result.Output.Split('\n');
        string red = "\u001b[38;5;9m"; // Spectre writes the standard red as palette colour 9
        Assert.Contains(lines, l => l.Contains(red + "doubleFree") && l.Contains(red + "error"));
        Assert.Contains(lines, l => l.Contains(red + "nativeBlock"));
        Assert.Contains(lines, l => l.Contains("leaks") && l.Contains(red + "1 (128 bytes)"));
        Assert.DoesNotContain(lines, l => l.Contains(red + "0"));
    }

    [Fact]
    public void Summary_on_a_terminal_shows_warnings_in_amber()
    {
        // The first event becomes a free of an address tracked code never allocated: a warning.
        var image = TraceImage.Read(samples.Trace(samples.OwnershipFolder));
        var events = image.Block(TraceImage.Events);
        var first = TraceFields.Of(events).First(f => f.Name == "event.kind");
        events.Payload[first.Offset] = 18; // NativeFree
        BinaryPrimitives.WriteInt64LittleEndian(events.Payload.AsSpan(first.Offset - 12, 8), 2); // FreeOutcome.Unknown
        string trace = Path.Combine(samples.NewFolder(), "warning.mscope");
        File.WriteAllBytes(trace, image.ToBytes());

        var result = CliRun.InConsole(terminal: true, new Dictionary<string, string>(), "summary", trace);

        Assert.Contains(result.Output.Split('\n'), l => l.Contains("\u001b[38;2;255;176;0mwarning"));
    }

    [Fact]
    public void Summary_on_a_terminal_with_NO_COLOR_prints_no_colour_codes()
    {
        var result = CliRun.InConsole(terminal: true, new Dictionary<string, string> { ["NO_COLOR"] = "1" }, "summary", samples.UnsafeFfiFolder);

        Assert.Contains("doubleFree", result.Output);
        Assert.DoesNotContain("\u001b[38;", result.Output);
        Assert.DoesNotContain("\u001b[3", result.Output);
    }

    [Theory]
    [InlineData(72)]
    [InlineData(100)]
    public void Summary_into_a_pipe_is_as_wide_as_COLUMNS(int columns)
    {
        var result = CliRun.InConsole(terminal: false, new Dictionary<string, string> { ["COLUMNS"] = columns.ToString() }, "summary", samples.ComplexFolder);

        var widths = result.Output.Split('\n').Select(l => l.Length).ToList();
        Assert.True(widths.Max() <= columns, $"a line of {widths.Max()} characters");
        Assert.True(widths.Max() > columns - 10, $"the widest line has {widths.Max()} characters: the tables did not use the width");
        Assert.DoesNotContain('\u001b', result.Output);
    }

    [Fact]
    public void Summary_into_a_pipe_without_COLUMNS_uses_the_default_width()
    {
        var result = CliRun.InConsole(terminal: false, new Dictionary<string, string>(), "summary", samples.ComplexFolder);

        Assert.True(result.Output.Split('\n').Max(l => l.Length) > 100);
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
