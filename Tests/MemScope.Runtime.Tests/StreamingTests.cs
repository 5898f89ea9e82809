using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using MemScopeRuntime;
using MemScopeRuntime.Capture;
using MemScopeTestShared;
using Xunit;

namespace MemScopeRuntimeTests;

/// <summary>
/// MEMSCOPE_STREAM, tested in child processes (Tests/MemScope.StreamingHost): the recorder reads its settings once per
/// process, and this test process records at a 1 GB bound for the other tests.
/// </summary>
public class StreamingTests
{
    private const int BudgetMegabytes = 2;
    private const long BudgetEvents = BudgetMegabytes * 1024L * 1024 / 32;

    // 8 threads × 400,000 events, twice: 6.4 M events through a 65,536-event buffer, with snapshots all along.
    private static readonly Lazy<HostRun> s_farBeyondTheBudget = new(() =>
        HostRun.Start($"record 8 400000 2 4000000", BudgetMegabytes, stream: true));

    [Fact(Timeout = 180_000)]
    public async Task Streaming_keeps_each_event_of_threads_recording_far_beyond_the_budget_once_or_counts_it_as_dropped()
    {
        var run = await Task.Run(() => s_farBeyondTheBudget.Value);

        Assert.Equal(0, run["faults"]);
        Assert.Equal(1, run["streaming"]);
        Assert.Equal(run["appended"], run["kept"] + run["dropped"]);
        Assert.Equal(0, run["duplicates"]);
        Assert.Equal(0, run["torn"]);
        Assert.Equal(0, run["outOfOrder"]);
        Assert.Equal(0, run["foreign"]);
        // Far more than the buffer holds went through it: at least ten buffers' worth were streamed.
        Assert.True(run["streamed"] >= 10 * BudgetEvents, $"only {run["streamed"]:N0} events streamed (buffer: {BudgetEvents:N0})");
        Assert.True(run["maxBufferBytes"] <= run["bufferLimitBytes"], $"buffer {run["maxBufferBytes"]:N0} B over its bound {run["bufferLimitBytes"]:N0} B");
    }

    [Fact(Timeout = 180_000)]
    public async Task Threads_recording_faster_than_the_writer_saves_write_chunks_themselves_and_lose_nothing()
    {
        var run = await Task.Run(() => s_farBeyondTheBudget.Value);

        Assert.Equal(0, run["dropped"]);
        Assert.Equal(run["appended"], run["kept"]);
    }

    [Fact(Timeout = 300_000)]
    public async Task Two_hundred_fifty_six_threads_recording_at_full_speed_through_a_small_buffer_lose_no_event()
    {
        // 256 threads × 20,000 events, unpaced: 5.1 M events through a 65,536-event buffer as fast as they can record.
        var run = await Task.Run(() => HostRun.Start("record 256 20000 1 2000000000", BudgetMegabytes, stream: true));

        Assert.Equal(0, run["faults"]);
        Assert.Equal(256L * 20_000, run["appended"]);
        Assert.Equal(0, run["dropped"]);
        Assert.Equal(run["appended"], run["kept"]);
        Assert.Equal(0, run["duplicates"]);
        Assert.Equal(0, run["outOfOrder"]);
        Assert.True(run["maxBufferBytes"] <= run["bufferLimitBytes"], $"buffer {run["maxBufferBytes"]:N0} B over its bound {run["bufferLimitBytes"]:N0} B");
    }

    [Fact(Timeout = 180_000)]
    public async Task Snapshots_taken_while_threads_stream_see_no_event_twice_torn_or_out_of_order()
    {
        var run = await Task.Run(() => s_farBeyondTheBudget.Value);

        Assert.True(run["snapshots"] >= 2, $"only {run["snapshots"]} snapshot(s) while recording");
        Assert.Equal(0, run["duplicatesWhileRecording"]);
        Assert.Equal(0, run["tornWhileRecording"]);
        Assert.Equal(0, run["outOfOrderWhileRecording"]);
    }

    [Fact(Timeout = 180_000)]
    public async Task Chunks_left_by_exited_threads_are_streamed_so_later_threads_find_room()
    {
        // 12 waves of 4 threads, each leaving a partly filled chunk as it exits: 48 chunks through a buffer of 16.
        // Without the writer taking over exited threads' chunks, the buffer would be spent after 4 waves.
        var run = await Task.Run(() => HostRun.Start("record 4 1000 12 13000", BudgetMegabytes, stream: true));

        Assert.Equal(0, run["faults"]);
        Assert.Equal(48_000, run["appended"]);
        Assert.Equal(0, run["dropped"]);
        Assert.Equal(48_000, run["kept"]);
        Assert.True(run["streamed"] > BudgetEvents / 4096 * 1000, $"only {run["streamed"]:N0} events streamed");
        Assert.Equal(0, run["duplicates"]);
    }

    [Fact(Timeout = 120_000)]
    public async Task An_export_while_streaming_writes_the_streamed_events_into_its_trace_and_counts_them_in_the_report()
    {
        // MEMSCOPE_STREAM=1: the spill file goes to the report folder (MEMSCOPE_OUTPUT).
        var run = await Task.Run(() => HostRun.Start("export 300000 1000000", BudgetMegabytes, streamTo: "1"));

        Assert.Equal(0, run["faults"]);
        Assert.Equal(300_000, run["exported"] + run["dropped"]);
        Assert.Equal(run["exported"], run["traceEvents"]);
        Assert.Equal(run["dropped"], run["traceDropped"]);
        Assert.True(run["reportStreamed"] > BudgetEvents, $"the report says {run["reportStreamed"]:N0} events were streamed");
        Assert.True(run["reportStreamed"] <= run["exported"]);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_spill_file_that_cannot_be_written_is_a_counted_fault_and_recording_falls_back_to_dropping()
    {
        if (!OperatingSystem.IsLinux())
            return; // a disk of its own needs Linux (tmpfs, or a file size limit), the project's CI machine
        // A real write error with no test hook: as root, the host gets a 256 KB tmpfs of its own (a private mount
        // namespace, gone with the process), so the spill file runs into "No space left on device" after a few chunks;
        // otherwise a file size limit gives "File too large" at the same point.
        using var disk = new TestFolder("stream-small-disk");
        File.WriteAllText(disk["small-disk.sh"], """
            mount -t tmpfs -o size=256k tmpfs "$DISK" 2>/dev/null || { trap '' XFSZ; ulimit -f 256; }
            exec "$@"
            """);
        string wrapper = (Environment.UserName == "root" ? "unshare --mount " : "") + "sh " + disk["small-disk.sh"];
        var run = await Task.Run(() => HostRun.Start("record 4 200000 1 4000000", BudgetMegabytes, streamTo: disk["memscope.spill"],
            environment: new Dictionary<string, string> { ["DISK"] = disk.Path }, wrapper: wrapper));

        Assert.True(run["faults"] >= 1);
        Assert.Contains("MemScope: internal fault", run.Error);
        Assert.True(run.Error.Contains("No space left on device") || run.Error.Contains("File too large"), run.Error);
        Assert.Equal(0, run["streaming"]);
        Assert.True(run["dropped"] > 0);
        Assert.Equal(run["appended"], run["kept"] + run["dropped"]);
        Assert.Equal(0, run["duplicates"]);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_stream_path_naming_an_existing_file_is_refused_in_one_line_and_the_file_survives_byte_for_byte()
    {
        using var user = new TestFolder("stream-precious");
        string precious = user["precious.txt"];
        byte[] content = new byte[10_000];
        new Random(16).NextBytes(content);
        File.WriteAllBytes(precious, content);
        var modified = File.GetLastWriteTimeUtc(precious);

        var run = await Task.Run(() => HostRun.Start("record 4 100000 1 4000000", BudgetMegabytes, streamTo: precious));

        Assert.Equal(content, File.ReadAllBytes(precious));
        Assert.Equal(modified, File.GetLastWriteTimeUtc(precious));
        AssertRefusedInOneLine(run, precious);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_stream_path_naming_a_device_a_fifo_or_a_link_is_refused_and_left_as_it_was()
    {
        if (!OperatingSystem.IsLinux())
            return; // devices and FIFOs as Linux has them
        using var user = new TestFolder("stream-not-a-file");
        string device = user.FullDevice();
        string fifo = user["fifo"];
        Assert.Equal(0, TestEnvironment.Run("mkfifo", $"\"{fifo}\"", user.Path).ExitCode);
        string target = user["target.txt"];
        File.WriteAllText(target, "pointed at");
        string link = user["link"];
        File.CreateSymbolicLink(link, target);
        string dangling = user["dangling"];
        File.CreateSymbolicLink(dangling, user["nothing-here"]);

        foreach (string path in new[] { device, fifo, link, dangling })
        {
            // A FIFO opened for writing would wait for a reader forever: a refusal must not even open it.
            var run = await Task.Run(() => HostRun.Start("record 2 50000 1 4000000", BudgetMegabytes, streamTo: path, timeoutMs: 60_000));
            AssertRefusedInOneLine(run, path);
        }

        Assert.Equal("character special file", TestEnvironment.Run("stat", $"-c %F \"{device}\"", user.Path).Output.Trim());
        Assert.Equal("fifo", TestEnvironment.Run("stat", $"-c %F \"{fifo}\"", user.Path).Output.Trim());
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal("pointed at", File.ReadAllText(target));
        Assert.False(File.Exists(user["nothing-here"]));
    }

    [Fact]
    public void A_spill_name_MemScope_chose_that_is_taken_becomes_the_next_free_one_and_what_took_it_stays()
    {
        using var folder = new TestFolder("stream-taken-name");
        int pid = Environment.ProcessId;
        // Left by earlier processes with this process's id (in a container every run may be pid 1): a folder, a file.
        Directory.CreateDirectory(folder[$"memscope-{pid}.spill"]);
        File.WriteAllText(folder[$"memscope-{pid}-2.spill"], "an earlier run's");

        using (var spill = SpillFile.Create(folder[$"memscope-{pid}.spill"]))
        {
            Assert.NotNull(spill);
            Assert.Equal(folder[$"memscope-{pid}-3.spill"], spill.Path);
        }

        Assert.True(Directory.Exists(folder[$"memscope-{pid}.spill"]));
        Assert.Equal("an earlier run's", File.ReadAllText(folder[$"memscope-{pid}-2.spill"]));
    }

    [Fact]
    public void A_taken_spill_name_the_user_chose_is_refused_rather_than_renamed()
    {
        using var folder = new TestFolder("stream-taken-user-name");
        File.WriteAllText(folder["run.spill"], "kept");

        Assert.Null(SpillFile.Create(folder["run.spill"]));
        Assert.Equal("kept", File.ReadAllText(folder["run.spill"]));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    private static void AssertRefusedInOneLine(HostRun run, string path)
    {
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"MemScope: MEMSCOPE_STREAM: '{path}' already exists; MemScope streams only into a new file of its own and never overwrites one. Not streaming: recording stays in memory.", line);
        Assert.Equal(0, run["faults"]);
        Assert.Equal(0, run["streaming"]);
        Assert.Equal(0, run["streamed"]);
        Assert.Equal(run["appended"], run["kept"] + run["dropped"]);
        Assert.True(run["kept"] > 0);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_damaged_spill_file_is_a_counted_fault_and_what_cannot_be_read_back_counts_as_dropped()
    {
        var run = await Task.Run(() => HostRun.Start("corrupt 200000", BudgetMegabytes, stream: true));

        Assert.True(run["streamedBeforeCorruption"] > 0);
        Assert.True(run["faults"] >= 1);
        Assert.Contains("is corrupt", run.Error);
        Assert.Equal(0, run["readBack"]); // the first block is the damaged one: nothing after it is trusted
        Assert.Equal(run["appended"], run["kept"] + run["dropped"]);
    }

    /// <summary>
    /// 10 s here (MEMSCOPE_SOAK_SECONDS=60 for the long soak of benchmarks/README.md): 4 threads at 1.5 M events/s in
    /// all stream through an 8 MB buffer while the host samples its memory every quarter second.
    /// </summary>
    [Fact(Timeout = 300_000)]
    public async Task Soak_streams_ten_million_events_through_a_small_buffer_with_flat_tracker_memory()
    {
        int seconds = int.TryParse(Environment.GetEnvironmentVariable("MEMSCOPE_SOAK_SECONDS"), out int s) && s > 0 ? s : 10;
        var run = await Task.Run(() => HostRun.Start($"soak {seconds} 4 1500000", bufferMegabytes: 8, stream: true, timeoutMs: (seconds + 120) * 1000));

        Assert.Equal(0, run["faults"]);
        Assert.Equal(run["appended"], run["accounted"]);
        Assert.True(run["streamed"] >= 10_000_000, $"only {run["streamed"]:N0} events streamed in {run["seconds"]} s");
        Assert.True(run["maxBufferBytes"] <= run["bufferLimitBytes"]);
        Assert.True(run["samples"] >= 4);
        // Flat after warm-up while hundreds of MB stream through: the live GC heap moves by no more than the 8 MB buffer the
        // run is given (chunks waiting for the writer are that buffer; when other tests take the CPU the writer lags and
        // the wait fills it), and the working set stays within 32 MB.
        Assert.True(run["heapMaxBytes"] - run["heapMinBytes"] <= 8 << 20, $"GC heap {run["heapMinBytes"]:N0}..{run["heapMaxBytes"]:N0} B");
        Assert.True(run["workingSetMaxBytes"] - run["workingSetMinBytes"] <= 32 << 20, $"working set {run["workingSetMinBytes"]:N0}..{run["workingSetMaxBytes"]:N0} B");
    }

    [Fact(Timeout = 120_000)]
    public async Task Tracker_memory_per_buffered_event_is_at_most_32_bytes_and_a_bit()
    {
        // 1,048,576 events (256 chunks) on one thread, no streaming: the target is 32 bytes an event.
        var run = await Task.Run(() => HostRun.Start("buffer 1048576", bufferMegabytes: 64));

        Assert.Equal(1_048_576, run["buffered"]);
        Assert.Equal(0, run["dropped"]);
        // 32 bytes the event itself; the chunk object, the queue slot and the thread's log add well under 0.1 byte each.
        Assert.InRange(run["bytesPerEvent"], 31.9, 32.1);
    }

    [Fact]
    public void MEMSCOPE_STREAM_names_a_file_or_a_directory_and_1_means_the_report_folder()
    {
        string root = Path.Combine(Path.GetTempPath(), "memscope-stream-path-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            Assert.Null(RuntimeSettings.ParseStreamPath(null, "out", 7));
            Assert.Null(RuntimeSettings.ParseStreamPath("", "out", 7));
            Assert.Null(RuntimeSettings.ParseStreamPath("0", "out", 7));
            Assert.Equal(Path.GetFullPath(Path.Combine("out", "memscope-7.spill")), RuntimeSettings.ParseStreamPath("1", "out", 7));
            Assert.Equal(Path.Combine(root, "memscope-7.spill"), RuntimeSettings.ParseStreamPath(root, "out", 7));
            Assert.Equal(Path.Combine(root, "later", "memscope-7.spill"), RuntimeSettings.ParseStreamPath(Path.Combine(root, "later") + Path.DirectorySeparatorChar, "out", 7));
            Assert.Equal(Path.Combine(root, "run.spill"), RuntimeSettings.ParseStreamPath(Path.Combine(root, "run.spill"), "out", 7));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData(256, true, 25L << 30, 256)]              // a sane value on a 25 GB machine: kept
    [InlineData(999_999_999, true, 25L << 30, 6400)]     // capped at a quarter of what the process may use
    [InlineData(256, false, 512L << 20, 128)]            // the default in a 512 MB container: capped, silently
    [InlineData(1024, true, 0, 1024)]                    // the available memory unknown: nothing to cap against
    [InlineData(int.MaxValue, true, 2L << 20, 1)]        // never below 1 MB
    public void An_absurd_buffer_bound_is_capped_at_a_quarter_of_the_memory_the_process_may_use(int requested, bool fromEnvironment, long available, int expected)
    {
        Assert.Equal(expected, RuntimeSettings.CapBufferMegabytes(requested, fromEnvironment, available));
    }

    [Fact(Timeout = 120_000)]
    public async Task MEMSCOPE_MAX_BUFFER_MB_999999999_is_capped_with_one_warning_and_the_buffer_stays_within_the_cap()
    {
        // A 512 MB GC heap limit makes the memory the host may use known here: 512 MB, so the cap is 128 MB.
        var limited = new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x20000000" };

        var run = await Task.Run(() => HostRun.Start("record 2 100000 1 4000000", bufferMegabytes: 999_999_999, environment: limited));
        var sane = await Task.Run(() => HostRun.Start("record 2 100000 1 4000000", bufferMegabytes: 100, environment: limited));

        Assert.Equal("MemScope: MEMSCOPE_MAX_BUFFER_MB=999999999 is more than a quarter of the 512 MB this process may use; using 128 MB.",
            Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(128 << 20, run["bufferLimitBytes"]);
        Assert.Equal(200_000, run["kept"]);
        Assert.Equal(0, run["faults"]);
        Assert.Empty(sane.Error);
        Assert.Equal(100 << 20, sane["bufferLimitBytes"]);
    }

    [Fact]
    public void The_chunk_pool_allocates_no_more_arrays_than_its_bound_and_hands_returned_ones_out_again()
    {
        var pool = new ChunkPool(maxChunks: 2);
        var first = pool.TryRent();
        var second = pool.TryRent();
        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Null(pool.TryRent());
        Assert.Equal(2, pool.AllocatedChunks);

        pool.Return(first!);
        Assert.Same(first, pool.TryRent());
        Assert.Null(pool.TryRent());
        Assert.Equal(2, pool.AllocatedChunks);
    }

    /// <summary>One run of the streaming host: its key=value results and its standard error.</summary>
    private sealed class HostRun
    {
        private readonly Dictionary<string, double> _values;

        private HostRun(Dictionary<string, double> values, string error)
        {
            _values = values;
            Error = error;
        }

        public string Error { get; }

        public double this[string key] =>
            _values.TryGetValue(key, out double value) ? value : throw new KeyNotFoundException($"the host printed no '{key}'");

        public static HostRun Start(string arguments, int bufferMegabytes, bool stream = false, string? streamTo = null, int timeoutMs = 120_000,
            Dictionary<string, string>? environment = null, string? wrapper = null)
        {
            string directory = Path.Combine(Path.GetTempPath(), "memscope-streaming-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                environment = new Dictionary<string, string>(environment ?? new())
                {
                    ["MEMSCOPE_MAX_BUFFER_MB"] = bufferMegabytes.ToString(CultureInfo.InvariantCulture),
                    ["MEMSCOPE_STREAM"] = streamTo ?? (stream ? directory + Path.DirectorySeparatorChar : "0"),
                    ["MEMSCOPE_OUTPUT"] = directory,
                };
                string dll = TestEnvironment.ProgramDll(Path.Combine("Tests", "MemScope.StreamingHost"), "MemScope.StreamingHost");
                // A wrapper is a command line the host runs under (its last word followed by "dotnet host.dll arguments").
                var (file, prefix) = wrapper is null ? ("dotnet", "") : (wrapper.Split(' ')[0], wrapper[(wrapper.IndexOf(' ') + 1)..] + " dotnet ");
                var (exitCode, output, error) = TestEnvironment.Run(file, $"{prefix}\"{dll}\" {arguments}", directory, environment, timeoutMs);
                Assert.True(exitCode == 0, $"the streaming host exited with {exitCode}: {error}");
                // The spill file is deleted when streaming ends; nothing else may be left behind.
                Assert.Empty(Directory.GetFiles(directory));
                return new HostRun(Parse(output), error);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        private static Dictionary<string, double> Parse(string output)
        {
            var values = new Dictionary<string, double>();
            foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = line.IndexOf('=');
                // Lists (per-quarter figures) are for people reading the output; the tests check the numbers.
                if (equals > 0 && double.TryParse(line[(equals + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                    values[line[..equals]] = value;
            }
            return values;
        }
    }
}
