using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using System.Text.Json;
using Xunit;

namespace MemScopeRuntimeTests;

/// <summary>
/// MemScope.Export never throws into the program because of its destination: each case runs the woven host against a
/// destination that cannot be written, and checks the line on stderr, the result, the counted fault and that the
/// program carried on to a normal end. Linux: /proc, /dev/full, setpriv and tmpfs are what make these real.
/// </summary>
[SupportedOSPlatform("linux")]
public class ExportFailureTests
{
    public static TheoryData<string> UnwritableDestinations => new()
    {
        "a file",            // MEMSCOPE_OUTPUT names an existing file, not a folder
        "/proc/version",     // a file of /proc: no folder can be made under it, even by root
        "/proc/memscope",    // a folder that cannot be created in /proc
        "a full device",     // a device (like /dev/full)
        "/dev/null/reports", // a path through a device
    };

    [Theory]
    [MemberData(nameof(UnwritableDestinations))]
    public void An_unwritable_destination_is_one_line_on_stderr_a_counted_fault_and_a_result_that_says_why_and_the_program_goes_on(string destination)
    {
        using var folder = new TestFolder("export-failure");
        string precious = folder["precious.txt"];
        File.WriteAllText(precious, "the user's own file");
        if (destination == "a file")
            destination = precious;
        if (destination == "a full device")
            destination = folder.FullDevice();
        // As root, a missing device would be created as a folder: the device must really be there.
        if (destination.StartsWith("/dev/", StringComparison.Ordinal))
        {
            string device = "/dev/" + destination.Split('/')[2];
            Assert.True(File.Exists(device), $"{device} is missing on this machine (something deleted the device node)");
        }
        string good = folder["good"];

        using var host = RobustnessHost.Run($"export robust 1 1 \"{good}\"", folder.Path, new Dictionary<string, string>
        {
            ["MEMSCOPE_OUTPUT"] = destination,
            ["MEMSCOPE_EXPORT"] = "none", // only the program's own exports, so each failure is exactly one line
        });

        Assert.True(host.ExitCode == 0, $"exit code {host.ExitCode}: {host.Error}");
        Assert.StartsWith("failed", host.Lines("export").Single());
        Assert.Contains("error=", host.Lines("export").Single());
        Assert.Equal("0", host.Value("succeeded"));
        Assert.Equal("1", host.Value("failed"));
        Assert.NotEmpty(host.Value("continued"));
        Assert.Equal("ok", host.Value("then"));
        var line = Assert.Single(host.MemScopeLines);
        Assert.StartsWith("MemScope: export 'robust' to ", line);
        Assert.Contains("failed, the program goes on", line);
        Assert.DoesNotContain("   at ", host.Error); // no stack trace
        Assert.Equal(1, InternalFaults(Path.Combine(good, "robust", "robust_memory_analysis.json")));
        Assert.Equal("the user's own file", File.ReadAllText(precious));
    }

    [Fact]
    public void The_export_at_exit_to_an_unwritable_destination_is_one_more_line_and_the_exit_code_stays_zero()
    {
        using var folder = new TestFolder("export-failure-exit");
        File.WriteAllText(folder["a-file"], "");

        using var host = RobustnessHost.Run("export robust 1 1", folder.Path, new Dictionary<string, string> { ["MEMSCOPE_OUTPUT"] = folder["a-file"] });

        Assert.Equal(0, host.ExitCode);
        // The program's export, then the one at exit (events came after the first): two failures, one line each.
        Assert.Equal(2, host.MemScopeLines.Length);
        Assert.All(host.MemScopeLines, l => Assert.StartsWith("MemScope: export 'robust' to ", l));
    }

    [Fact]
    public void A_read_only_folder_refuses_a_program_that_is_not_root_and_the_program_goes_on()
    {
        using var folder = new TestFolder("export-read-only");
        string readOnly = folder["read-only"];
        string good = folder["good"];
        Directory.CreateDirectory(readOnly);
        Directory.CreateDirectory(good);
        var everyone = UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(folder.Path, everyone);
        File.SetUnixFileMode(readOnly, everyone);
        File.SetUnixFileMode(good, everyone | UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite);
        // Root writes into a read-only folder anyway: the program runs as nobody, as a user's program would.
        string? wrapper = Environment.UserName == "root" ? "setpriv --reuid=65534 --regid=65534 --clear-groups" : null;
        Assert.True(wrapper is null || File.Exists("/usr/bin/setpriv"), "running as root, the test needs setpriv (util-linux) to drop root");

        using var host = RobustnessHost.Run($"export robust 1 1 \"{good}\"", folder.Path, new Dictionary<string, string>
        {
            ["MEMSCOPE_OUTPUT"] = readOnly,
            ["MEMSCOPE_EXPORT"] = "none",
        }, wrapper);

        Assert.True(host.ExitCode == 0, $"exit code {host.ExitCode}: {host.Error}");
        Assert.Contains("UnauthorizedAccessException", host.Lines("export").Single());
        Assert.Contains("denied", Assert.Single(host.MemScopeLines));
        Assert.Equal("ok", host.Value("then"));
        Assert.Equal(1, InternalFaults(Path.Combine(good, "robust", "robust_memory_analysis.json")));
        Assert.Empty(Directory.GetFileSystemEntries(readOnly));
    }

    [Fact]
    public void A_full_disk_stops_the_export_with_complete_files_only_and_no_temporary_file_left()
    {
        using var folder = new TestFolder("export-full-disk");
        string disk = folder["disk"];
        Directory.CreateDirectory(disk);
        // A 4 MB disk of the host's own (a tmpfs in a private mount namespace, gone with the process): the first report
        // file (about 3 MB) fits, the next does not. Without root, a file size limit gives the same kind of write error.
        File.WriteAllText(folder["small-disk.sh"], """
            mount -t tmpfs -o size=4m tmpfs "$DISK" 2>/dev/null || { trap '' XFSZ; ulimit -f 3100; }
            exec "$@"
            """);
        string wrapper = (Environment.UserName == "root" ? "unshare --mount " : "") + "sh " + folder["small-disk.sh"];

        using var host = RobustnessHost.Run($"export robust 1 1", folder.Path, new Dictionary<string, string>
        {
            ["DISK"] = disk,
            ["MEMSCOPE_OUTPUT"] = disk,
            ["MEMSCOPE_EXPORT"] = "none",
        }, wrapper);

        Assert.True(host.ExitCode == 0, $"exit code {host.ExitCode}: {host.Error}");
        string export = host.Lines("export").Single();
        Assert.StartsWith("failed", export);
        Assert.True(export.Contains("No space left on device") || export.Contains("File too large"), export);
        Assert.Contains("No space left on device", Assert.Single(host.MemScopeLines) + (export.Contains("File too large") ? " No space left on device" : ""));
        // The files the result lists are exactly what the folder holds: complete files, no temporary one.
        string written = export["failed files=".Length..export.IndexOf(" error=", StringComparison.Ordinal)];
        Assert.NotEmpty(written);
        Assert.Equal(written, host.Value("inFolder"));
        Assert.DoesNotContain(".tmp", host.Value("inFolder"));
        Assert.NotEmpty(host.Value("continued"));
    }

    [Fact]
    public void An_export_into_a_file_returns_a_failed_result_in_the_calling_program_instead_of_throwing()
    {
        using var folder = new TestFolder("export-failure-in-process");
        string file = folder["not-a-folder"];
        File.WriteAllText(file, "");
        long faultsBefore = MemScopeRuntime.InternalFaults.FaultCount;

        var result = MemScope.Export("in_process", new ExportOptions().WithOutputDirectory(file));

        Assert.NotNull(result);
        Assert.False(result.Succeeded);
        Assert.Contains("not-a-folder", result.Error);
        Assert.Empty(result.Files);
        Assert.Equal(Path.Combine(file, "in_process"), result.Directory);
        Assert.True(MemScopeRuntime.InternalFaults.FaultCount > faultsBefore);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a/b")]
    [InlineData("a\0b")]
    [InlineData(".")]
    [InlineData("..")]
    public void A_name_that_cannot_be_a_folder_name_is_a_mistake_in_the_calling_code_and_throws(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => MemScope.Export(name));
    }

    [Fact]
    public void A_MEMSCOPE_NAME_that_cannot_be_a_folder_name_is_ignored()
    {
        Assert.Null(MemScopeRuntime.RuntimeSettings.ParseExportName("../escape"));
        Assert.Null(MemScopeRuntime.RuntimeSettings.ParseExportName(""));
        Assert.Equal("nightly", MemScopeRuntime.RuntimeSettings.ParseExportName("nightly"));
    }

    private static long InternalFaults(string memoryAnalysisJson)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(memoryAnalysisJson));
        return document.RootElement.GetProperty("summary").GetProperty("internalFaults").GetInt64();
    }
}
