using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using System.Text.Json;
using MemScopeTrace.Format;
using Xunit;

namespace MemScopeRuntimeTests;

/// <summary>
/// A program that ends without running ProcessExit still leaves its report: each test crashes or signals the woven
/// host for real, then checks that the exit code and crash output are those of the same run without MemScope
/// (MEMSCOPE_ENABLED=0) and that a complete report exists.
/// </summary>
[SupportedOSPlatform("linux")]
public class AbnormalEndTests
{
    private const int SIGINT = 2;
    private const int SIGTERM = 15;

    [Theory]
    [InlineData("crash", "Unhandled exception. System.InvalidOperationException: the program's own failure")]
    [InlineData("crash-thread", "Unhandled exception. System.FormatException: a worker's failure")]
    public void An_unhandled_exception_writes_the_report_and_the_crash_looks_as_it_does_without_MemScope(string scenario, string crash)
    {
        using var folder = new TestFolder("end-" + scenario);

        using var tracked = RobustnessHost.Run(scenario, folder.Path, Named("crashed"));
        using var untracked = RobustnessHost.Run(scenario, folder.Path, new Dictionary<string, string> { ["MEMSCOPE_ENABLED"] = "0" });

        Assert.Equal(134, tracked.ExitCode); // SIGABRT, as the runtime ends a process on an unhandled exception
        Assert.Equal(untracked.ExitCode, tracked.ExitCode);
        Assert.Equal(untracked.Output, tracked.Output);
        Assert.Equal(untracked.Error, tracked.Error);
        Assert.StartsWith(crash, tracked.Error);
        AssertCompleteReport(folder["out"], "crashed");
    }

    [Theory]
    [InlineData(SIGTERM, 143)]
    [InlineData(SIGINT, 130)]
    public void A_termination_signal_writes_the_report_and_the_process_still_ends_with_the_signals_exit_code(int signal, int exitCode)
    {
        using var folder = new TestFolder("end-signal-" + signal);

        using var tracked = Signalled(signal, folder.Path, Named("signalled"));
        using var untracked = Signalled(signal, folder.Path, new Dictionary<string, string> { ["MEMSCOPE_ENABLED"] = "0" });

        Assert.Equal(exitCode, tracked.ExitCode);
        Assert.Equal(untracked.ExitCode, tracked.ExitCode);
        Assert.Equal(untracked.Output, tracked.Output);
        Assert.DoesNotContain("not signalled", tracked.Output); // the signal ended it: the program did not run on
        Assert.Empty(tracked.Error);
        AssertCompleteReport(folder["out"], "signalled");
    }

    [Fact]
    public void A_violation_under_MEMSCOPE_ON_VIOLATION_throw_that_ends_the_program_is_in_the_report_it_leaves()
    {
        using var folder = new TestFolder("end-violation");
        var environment = Named("violated");
        environment["MEMSCOPE_ON_VIOLATION"] = "throw";

        using var host = RobustnessHost.Run("violation", folder.Path, environment);

        Assert.Equal(134, host.ExitCode);
        Assert.StartsWith("Unhandled exception. System.InvalidOperationException: MemScope: native block 0x", host.Error);
        Assert.DoesNotContain("after the violation", host.Output);
        AssertCompleteReport(folder["out"], "violated");
        using var violations = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder["out"], "violated", "violated_security_violations.json")));
        var violation = Assert.Single(violations.RootElement.GetProperty("violations").EnumerateArray());
        Assert.Equal("doubleFree", violation.GetProperty("kind").GetString());
    }

    [Fact]
    public void With_MEMSCOPE_EXPORT_none_a_crash_writes_nothing()
    {
        using var folder = new TestFolder("end-no-export");
        var environment = Named("crashed");
        environment["MEMSCOPE_EXPORT"] = "none";

        using var host = RobustnessHost.Run("crash", folder.Path, environment);

        Assert.Equal(134, host.ExitCode);
        Assert.False(Directory.Exists(folder["out"]));
    }

    private static Dictionary<string, string> Named(string name) => new() { ["MEMSCOPE_NAME"] = name };

    private static RobustnessHost Signalled(int signal, string directory, Dictionary<string, string> environment)
    {
        var host = RobustnessHost.Start("wait 60", directory, environment);
        host.WaitForLine("ready");
        host.Signal(signal);
        host.WaitForExit(90_000);
        return host;
    }

    /// <summary>Every file of the report is there and whole, and it holds the host's tracked work (its leak among it).</summary>
    private static void AssertCompleteReport(string output, string name)
    {
        string directory = Path.Combine(output, name);
        Assert.True(Directory.Exists(directory), $"no report in {directory}");
        var files = Directory.GetFiles(directory).Select(Path.GetFileName).ToList();
        Assert.Equal(12, files.Count);
        Assert.DoesNotContain(files, f => f!.EndsWith(".tmp", StringComparison.Ordinal));
        using var analysis = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, name + "_memory_analysis.json")));
        var summary = analysis.RootElement.GetProperty("summary");
        Assert.True(summary.GetProperty("trackedObjects").GetInt32() >= 4_000);
        Assert.True(summary.GetProperty("leaks").GetInt32() >= 1);
        Assert.Equal(0, summary.GetProperty("eventsDropped").GetInt64());
        Assert.True(TraceFile.Read(Path.Combine(directory, name + ".mscope")).Events.Count > 5_000);
    }
}
