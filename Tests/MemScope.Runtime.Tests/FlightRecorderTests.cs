using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using System.Threading;
using MemScopeRuntime.Capture;
using MemScopeTrace.Format;
using MemScopeTestShared;
using Xunit;
using MemScopeTrace.Model;

namespace MemScopeRuntimeTests;

/// <summary>
/// MEMSCOPE_STREAM as a flight recorder: a streaming program killed with SIGKILL leaves a spill file that the memscope
/// tool reads up to its last complete block, and the next streaming program tidies such files without piling them up
/// or touching anything MemScope did not write.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class FlightRecorderTests : IClassFixture<FlightRecorderTests.KilledRun>, IDisposable
{
    private const int SIGKILL = 9;
    private readonly KilledRun _killed;
    private readonly TestFolder _copies = new("flight-copies");

    public FlightRecorderTests(KilledRun killed) => _killed = killed;

    public void Dispose() => _copies.Dispose();

    /// <summary>One streaming host killed with SIGKILL mid-run, once for all tests here; each test copies what it left.</summary>
    public sealed class KilledRun : IDisposable
    {
        private readonly TestFolder _folder = new("flight-killed");

        public KilledRun()
        {
            string spillFolder = _folder["spill"];
            using var host = RobustnessHost.Start("stream 120", _folder.Path, new Dictionary<string, string>
            {
                ["MEMSCOPE_STREAM"] = spillFolder + "/",
                ["MEMSCOPE_NAME"] = "killed",
            });
            ProcessId = host.Id;
            Spill = Path.Combine(spillFolder, $"memscope-{host.Id}.spill");
            // Mid-run: the program is recording and streaming (a few MB on disk), nowhere near its end.
            var clock = Stopwatch.StartNew();
            while (!(File.Exists(Spill) && new FileInfo(Spill).Length > 3 << 20) && clock.Elapsed < TimeSpan.FromSeconds(60))
                Thread.Sleep(10);
            host.Signal(SIGKILL);
            host.WaitForExit();
            ExitCode = host.ExitCode;
            Rounds = int.Parse(host.Value("rounds"), CultureInfo.InvariantCulture);
            Output = host.Output;
            Bytes = File.ReadAllBytes(Spill);
            ReportFolder = _folder["out"];
        }

        public int ProcessId { get; }
        public string Spill { get; }
        public int ExitCode { get; }
        public int Rounds { get; }
        public string Output { get; }
        public byte[] Bytes { get; }
        public string ReportFolder { get; }

        public void Dispose() => _folder.Dispose();
    }

    [Fact]
    public void A_streaming_program_killed_with_SIGKILL_leaves_a_spill_file_that_memscope_summary_reads_as_recovered()
    {
        Assert.Equal(128 + SIGKILL, _killed.ExitCode);
        Assert.DoesNotContain("not killed", _killed.Output);
        Assert.False(Directory.Exists(_killed.ReportFolder)); // it never exported

        var (exitCode, output, error) = Cli("summary", _killed.Spill);

        Assert.True(exitCode == 0, $"memscope summary exited with {exitCode}: {error}");
        var line = output.Split('\n')[0];
        var recovered = Regex.Match(line, $@"^recovered: the process ended without exporting \(process {_killed.ProcessId}, MemScope.RobustnessHost\); ([\d,]+) events up to (\d+\.\d+) s \(");
        Assert.True(recovered.Success, line);
        long events = long.Parse(recovered.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        // Most of the file is events (32 bytes each): all of them are read back, as far as the last complete block.
        Assert.InRange(events, _killed.Bytes.Length / 32 * 9 / 10, _killed.Bytes.Length / 32);
        Assert.True(double.Parse(recovered.Groups[2].Value, CultureInfo.InvariantCulture) > 0);
        // Sites and types were written as they became known: the summary names them as an export would.
        Assert.Contains("System.IO.MemoryStream", output);
        Assert.Contains("System.Collections.Generic.List<int>", output);
        Assert.Contains("Workload.cs:23", output);
        Assert.Matches($@"events recorded\s+│\s+{events:N0} ", output);
    }

    [Fact]
    public void The_killed_recording_is_what_the_program_did_up_to_a_moment_before_the_kill_with_names()
    {
        string spill = Copy("rounds", _killed.Bytes);

        var recording = TraceFile.Read(spill);

        var recovery = Assert.IsType<Recovery>(recording.Recovery);
        Assert.False(recovery.ProcessStillRunning);
        Assert.Equal(_killed.ProcessId, recovery.ProcessId);
        Assert.Equal(recording.Events.Count, recovery.Events);
        // Each round leaves one MemoryStream: the file holds the rounds up to the chunks still in memory at the kill
        // (the thread's current one and those the writer had not reached), never one the program had not begun.
        var streams = recording.Events
            .Where(e => e.Kind == EventKind.Alloc && recording.TypeName(MemScopeTrace.Model.IdentityValue.Unpack(e.Value).TypeId) == "System.IO.MemoryStream")
            .ToList();
        Assert.InRange(streams.Count, 1, _killed.Rounds + 1);
        Assert.All(streams, e => Assert.Equal("Workload.cs:23", Path.GetFileName(recording.Sites[e.Site]!.File) + ":" + recording.Sites[e.Site]!.Line));
    }

    [Fact]
    public void A_spill_file_cut_anywhere_is_read_up_to_its_last_complete_block()
    {
        var bytes = _killed.Bytes;
        string path = Copy("cut", Array.Empty<byte>());
        var random = new Random(5);
        long previousEvents = -1;
        int cuts = 0;
        // Every length from just past the first block to the whole file, in 300 random steps, in order.
        foreach (int length in Enumerable.Range(0, 300).Select(_ => random.Next(100, bytes.Length)).Append(bytes.Length).Order())
        {
            File.WriteAllBytes(path, bytes[..length]);
            var recording = TraceFile.Read(path);
            var recovery = Assert.IsType<Recovery>(recording.Recovery);
            Assert.True(recovery.Events >= previousEvents, $"cut at {length}: {recovery.Events} events, fewer than a shorter cut's {previousEvents}");
            // Only the block the cut went through is left out: the unread tail is shorter than the longest block.
            Assert.InRange(length - recovery.BytesRead, 0, TraceBlockFrame.Overhead + 8 + 4096 * 32 - 1);
            Assert.Equal(recovery.Events, recording.Events.Count);
            previousEvents = recovery.Events;
            cuts++;
        }
        Assert.Equal(301, cuts);
    }

    [Fact]
    public void A_spill_file_whose_last_block_is_damaged_is_read_up_to_the_block_before()
    {
        var whole = TraceFile.Read(Copy("whole", _killed.Bytes)).Recovery!;
        var bytes = (byte[])_killed.Bytes.Clone();
        bytes[whole.BytesRead - 5] ^= 0x10; // the last payload byte of the last complete block: its checksum no longer matches

        var damaged = TraceFile.Read(Copy("damaged", bytes)).Recovery!;
        var (exitCode, output, _) = Cli("summary", Copy("damaged-cli", bytes));

        Assert.True(damaged.BytesRead < whole.BytesRead);
        Assert.InRange(whole.Events - damaged.Events, 0, 4096);
        Assert.Equal(0, exitCode);
        Assert.Matches($@"^recovered: .*; {damaged.Events:N0} events up to .*; the last [\d,]+ bytes, a block cut short, are left out", output.Split('\n')[0]);
    }

    [Fact]
    public void A_file_with_the_spill_flag_but_no_process_block_is_refused_as_no_spill_file()
    {
        var bytes = (byte[])_killed.Bytes.Clone();
        bytes[TraceFile.HeaderSize] = (byte)TraceBlock.Events; // the first block claims to be something else

        var (exitCode, _, error) = Cli("summary", Copy("no-process", bytes));

        Assert.Equal(2, exitCode);
        Assert.Contains("memscope: ", error);
    }

    [Fact(Timeout = 240_000)]
    public async System.Threading.Tasks.Task The_next_streaming_program_keeps_the_newest_leftover_as_recovered_removes_older_ones_and_touches_nothing_else()
    {
        await System.Threading.Tasks.Task.Yield();
        using var folder = new TestFolder("flight-tidy");
        string spills = folder["spill"];
        Directory.CreateDirectory(spills);
        // Two recordings of ended processes (the killed one's bytes: a process that no longer runs), the newer one last.
        string older = Path.Combine(spills, $"memscope-{_killed.ProcessId}.spill");
        string newer = Path.Combine(spills, "memscope-4000000-2.spill");
        File.WriteAllBytes(older, _killed.Bytes);
        File.WriteAllBytes(newer, _killed.Bytes);
        File.SetLastWriteTimeUtc(older, DateTime.UtcNow.AddHours(-1));
        // What MemScope did not write, under names like its own: never touched.
        var foreign = new Dictionary<string, byte[]>
        {
            [Path.Combine(spills, "memscope-5.spill")] = "a user's notes"u8.ToArray(),
            [Path.Combine(spills, "memscope-6.spill")] = _killed.Bytes[..TraceFile.HeaderSize], // our header, but no Process block
            [Path.Combine(spills, "memscope-7.spill.bak")] = _killed.Bytes,
            [Path.Combine(spills, "recording.spill")] = _killed.Bytes,
        };
        foreach (var (path, content) in foreign)
            File.WriteAllBytes(path, content);
        File.CreateSymbolicLink(Path.Combine(spills, "memscope-8.spill"), newer);
        var environment = new Dictionary<string, string> { ["MEMSCOPE_STREAM"] = spills + "/", ["MEMSCOPE_EXPORT"] = "none" };
        string recovered = Path.Combine(spills, "memscope-4000000-2.recovered.spill");

        // The next streaming program tidies as its stream writer starts; it then goes on recording into the folder.
        using var next = RobustnessHost.Start("wait 60", folder.Path, environment);
        next.WaitForLine("ready");
        var clock = Stopwatch.StartNew();
        // The file is renamed a moment before the line saying so is written: wait for both.
        while ((!File.Exists(recovered) || next.MemScopeLines.Length == 0) && clock.Elapsed < TimeSpan.FromSeconds(30))
            Thread.Sleep(10);

        Assert.Equal(
            $"MemScope: process {_killed.ProcessId} (MemScope.RobustnessHost) ended without exporting; its recording is kept as {recovered} (`memscope summary` reads it); 1 older recording(s) of ended processes removed.",
            Assert.Single(next.MemScopeLines));
        Assert.False(File.Exists(older));
        Assert.False(File.Exists(newer));
        Assert.Equal(_killed.Bytes, File.ReadAllBytes(recovered));
        foreach (var (path, content) in foreign)
            Assert.Equal(content, File.ReadAllBytes(path));
        Assert.Equal(newer, new FileInfo(Path.Combine(spills, "memscope-8.spill")).LinkTarget);

        // A third program, while the second still records: the second's file is in use and stays; the recovered one was
        // announced once and is not again.
        string liveSpill = Path.Combine(spills, $"memscope-{next.Id}.spill");
        Assert.True(File.Exists(liveSpill));
        using var third = RobustnessHost.Run("export third 1 1", folder.Path, environment);
        Assert.Equal(0, third.ExitCode);
        Assert.Empty(third.MemScopeLines);
        Assert.True(File.Exists(liveSpill), "the spill file of a program still running was touched");
        Assert.True(File.Exists(recovered));
        Assert.False(File.Exists(Path.Combine(spills, $"memscope-{third.Id}.spill"))); // its own, deleted at its exit

        next.Signal(15);
        next.WaitForExit();
        Assert.Equal(143, next.ExitCode);
        // What is left: the recovered recording, the files MemScope did not write, and the SIGTERMed program's spill
        // file (it exported nothing: MEMSCOPE_EXPORT=none), which the next start will recover in turn.
        Assert.Equal(
            new[] { recovered, liveSpill, Path.Combine(spills, "memscope-8.spill") }.Concat(foreign.Keys).Order(),
            Directory.GetFiles(spills).Order());
    }

    [Fact]
    public void An_export_at_exit_that_fails_keeps_the_spill_file_which_memscope_then_reads()
    {
        using var folder = new TestFolder("flight-failed-export");
        File.WriteAllText(folder["not-a-folder"], "");
        string spills = folder["spill"];

        using var host = RobustnessHost.Run("export failing 1 1", folder.Path, new Dictionary<string, string>
        {
            ["MEMSCOPE_STREAM"] = spills + "/",
            ["MEMSCOPE_OUTPUT"] = folder["not-a-folder"],
        });

        Assert.Equal(0, host.ExitCode);
        string spill = Path.Combine(spills, $"memscope-{host.Id}.spill");
        Assert.Contains($"MemScope: the recording stays in {spill}; `memscope summary` reads it.", host.MemScopeLines);
        var (exitCode, output, _) = Cli("summary", spill);
        Assert.Equal(0, exitCode);
        Assert.StartsWith($"recovered: the process ended without exporting (process {host.Id}, MemScope.RobustnessHost)", output);
    }

    [Fact]
    public void A_stream_path_holding_an_ended_processes_recording_is_refused_with_what_it_is()
    {
        using var folder = new TestFolder("flight-named-leftover");
        string path = folder["run.spill"];
        File.WriteAllBytes(path, _killed.Bytes);

        using var host = RobustnessHost.Run("export named 1 1", folder.Path, new Dictionary<string, string> { ["MEMSCOPE_STREAM"] = path, ["MEMSCOPE_EXPORT"] = "none" });

        Assert.Equal(0, host.ExitCode);
        Assert.Equal(
            $"MemScope: MEMSCOPE_STREAM: '{path}' holds the recording of process {_killed.ProcessId} (MemScope.RobustnessHost), which ended without exporting; `memscope summary` reads it, then remove it. Not streaming: recording stays in memory.",
            Assert.Single(host.MemScopeLines));
        Assert.Equal(_killed.Bytes, File.ReadAllBytes(path));
    }

    private static (int ExitCode, string Output, string Error) Cli(params string[] arguments)
    {
        Assert.True(File.Exists(RobustnessHost.CliDll), $"{RobustnessHost.CliDll} is missing: build the test project first.");
        return TestEnvironment.Run("dotnet", $"\"{RobustnessHost.CliDll}\" {string.Join(' ', arguments.Select(a => $"\"{a}\""))}", Path.GetTempPath(), timeoutMs: 120_000);
    }

    private string Copy(string name, byte[] bytes)
    {
        string path = _copies[$"memscope-{_killed.ProcessId}-{name}.spill"];
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
