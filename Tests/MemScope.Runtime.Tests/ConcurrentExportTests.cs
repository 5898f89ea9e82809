using System;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using System.Text.Json;
using MemScopeTrace.Format;
using Xunit;

namespace MemScopeRuntimeTests;

/// <summary>Exports of one report name at the same moment, from threads of one program and from two programs.</summary>
[SupportedOSPlatform("linux")]
public class ConcurrentExportTests
{
    private const int FilesPerReport = 12; // 8 JSON, 3 SVG, the dashboard... and the trace: see ReportWriter

    [Fact(Timeout = 240_000)]
    public async System.Threading.Tasks.Task Eight_threads_exporting_the_same_name_at_once_all_succeed_and_leave_one_whole_report()
    {
        using var folder = new TestFolder("export-threads");

        using var host = await System.Threading.Tasks.Task.Run(() => RobustnessHost.Run("export same 1 8", folder.Path));

        Assert.True(host.ExitCode == 0, $"exit code {host.ExitCode}: {host.Error}");
        Assert.Equal("8", host.Value("succeeded"));
        Assert.Equal("0", host.Value("failed"));
        Assert.Empty(host.MemScopeLines);
        AssertOneWholeReport(Path.Combine(folder["out"], "same"));
    }

    [Fact(Timeout = 240_000)]
    public async System.Threading.Tasks.Task Two_programs_exporting_the_same_name_ten_times_each_into_one_folder_all_succeed()
    {
        using var folder = new TestFolder("export-processes");
        string shared = folder["shared"];

        // Both write MEMSCOPE_OUTPUT=shared/same/ at the same time, ten times each.
        var environment = new System.Collections.Generic.Dictionary<string, string> { ["MEMSCOPE_OUTPUT"] = shared, ["MEMSCOPE_EXPORT"] = "none" };
        using var first = RobustnessHost.Start("export same 10 1", folder.Path, environment);
        using var second = RobustnessHost.Start("export same 10 1", folder.Path, environment);
        await System.Threading.Tasks.Task.Run(() =>
        {
            first.WaitForExit(200_000);
            second.WaitForExit(200_000);
        });

        foreach (var host in new[] { first, second })
        {
            Assert.True(host.ExitCode == 0, $"exit code {host.ExitCode}: {host.Error}");
            Assert.Equal("10", host.Value("succeeded"));
            Assert.Equal("0", host.Value("failed"));
            Assert.Empty(host.MemScopeLines);
        }
        AssertOneWholeReport(Path.Combine(shared, "same"));
    }

    [Fact]
    public void A_writer_that_fails_deletes_its_own_temporary_file_and_no_other()
    {
        using var folder = new TestFolder("atomic-file");
        string path = folder["report.json"];
        File.WriteAllText(path, "the previous report");
        // What another writer (thread or process) has in progress beside it: never touched.
        string othersTemporary = path + ".999999-1.tmp";
        File.WriteAllText(othersTemporary, "another writer's half");

        var failure = Assert.Throws<IOException>(() => MemScopeTrace.Format.AtomicFile.Write(path, stream =>
        {
            stream.Write("half of a new report"u8);
            throw new IOException("No space left on device");
        }));

        Assert.Equal("No space left on device", failure.Message);
        Assert.Equal("the previous report", File.ReadAllText(path));
        Assert.Equal("another writer's half", File.ReadAllText(othersTemporary));
        Assert.Equal(new[] { othersTemporary, path }.Order(), Directory.GetFiles(folder.Path).Order());
    }

    [Fact]
    public void Each_write_goes_through_a_temporary_file_of_its_own_named_after_this_process()
    {
        using var folder = new TestFolder("atomic-file-names");
        string path = folder["report.json"];
        var seen = new System.Collections.Generic.List<string>();

        for (int i = 0; i < 3; i++)
            MemScopeTrace.Format.AtomicFile.Write(path, stream => seen.Add(((FileStream)stream).Name));

        Assert.Equal(3, seen.Distinct().Count());
        Assert.All(seen, name => Assert.Matches($@"report\.json\.{Environment.ProcessId}-\d+\.tmp$", name));
        Assert.Equal(new[] { path }, Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void A_write_removes_temporary_files_that_ended_writers_left_and_nothing_else()
    {
        using var folder = new TestFolder("atomic-file-leftovers");
        string path = folder["report.json"];
        // A test host killed while it wrote (no process has its id now), and one of an earlier process with this id.
        string killedWriters = path + ".999999-3.tmp";
        string earlierProcessWithThisId = path + $".{Environment.ProcessId}-900.tmp";
        File.WriteAllText(killedWriters, "half");
        File.WriteAllText(earlierProcessWithThisId, "half");
        File.SetLastWriteTimeUtc(earlierProcessWithThisId, DateTime.UtcNow.AddDays(-1));
        // A running writer (process 1 always runs) and files MemScope does not name so: never touched.
        string[] kept = { path + ".1-2.tmp", path + ".notes.tmp", path + ".999999-x.tmp", folder["other.json.999999-1.tmp"] };
        foreach (string file in kept)
            File.WriteAllText(file, "not ours to remove");

        MemScopeTrace.Format.AtomicFile.Write(path, stream => stream.Write("{}"u8));

        Assert.Equal(kept.Append(path).Order(), Directory.GetFiles(folder.Path).Order());
    }

    /// <summary>The folder holds exactly one report's files, each whole (JSON parses, the trace reads), and no temporary file.</summary>
    private static void AssertOneWholeReport(string directory)
    {
        var files = Directory.GetFiles(directory).Select(Path.GetFileName).ToList();
        Assert.DoesNotContain(files, f => f!.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.Equal(FilesPerReport, files.Count);
        foreach (var json in Directory.GetFiles(directory, "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(json));
            Assert.Equal("same", document.RootElement.GetProperty("name").GetString());
        }
        Assert.NotEmpty(TraceFile.Read(Path.Combine(directory, "same.mscope")).Events);
    }
}
