using System;
using System.IO;
using Xunit;

namespace MemScope.Cli.Tests;

/// <summary>Every input the tool cannot use ends as one line on stderr and exit code 2 — never a stack trace.</summary>
[Collection(SampleTracesCollection.Name)]
public sealed class ErrorHandlingTests(SampleTraces samples)
{
    [Theory]
    [InlineData("summary")]
    [InlineData("check")]
    [InlineData("report")]
    [InlineData("html")]
    public void A_missing_file_is_one_line_and_exit_code_2(string verb)
    {
        string missing = Path.Combine(samples.NewFolder(), "nothing.mscope");

        AssertOneLineError(CliRun.InProcess(verb, missing), "nothing.mscope");
    }

    [Theory]
    [InlineData("summary")]
    [InlineData("check")]
    [InlineData("objects")]
    public void An_empty_path_is_one_line_and_exit_code_2(string verb) =>
        AssertOneLineError(CliRun.InProcess(verb, ""), "no trace given");

    [Fact]
    public void A_truncated_trace_is_one_line_and_exit_code_2()
    {
        byte[] whole = File.ReadAllBytes(samples.Trace(samples.OwnershipFolder));
        string path = Write(whole[..(whole.Length / 2)]);

        AssertOneLineError(CliRun.InProcess("check", path), "truncated");
    }

    [Fact]
    public void A_trace_of_another_format_version_is_one_line_and_exit_code_2()
    {
        byte[] bytes = File.ReadAllBytes(samples.Trace(samples.OwnershipFolder));
        bytes[8] = 99; // the uint16 version follows the 8-byte magic
        string path = Write(bytes);

        AssertOneLineError(CliRun.InProcess("summary", path), "version");
    }

    [Fact]
    public void Random_bytes_are_one_line_and_exit_code_2()
    {
        var bytes = new byte[4096];
        new Random(6).NextBytes(bytes);

        AssertOneLineError(CliRun.InProcess("diff", samples.OwnershipFolder, Write(bytes)), "");
    }

    [Fact]
    public void A_folder_without_a_trace_is_one_line_and_exit_code_2()
    {
        AssertOneLineError(CliRun.InProcess("check", samples.NewFolder()), "no .mscope trace");
    }

    [Fact]
    public void A_missing_argument_is_a_usage_error_with_exit_code_2()
    {
        AssertOneLineError(CliRun.InProcess("check"), "trace|dir");
    }

    [Fact]
    public void The_real_process_reports_a_corrupt_trace_on_stderr_as_one_line_without_a_stack_trace()
    {
        byte[] bytes = File.ReadAllBytes(samples.Trace(samples.OwnershipFolder));
        bytes[^10] ^= 0xFF; // inside the End block: its checksum no longer matches
        string path = Write(bytes);

        var result = CliRun.AsProcess(samples.NewFolder(), "check", path);

        AssertOneLineError(result, Path.GetFileName(path));
        Assert.Equal("", result.Output);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/null")]
    [InlineData("/proc/self/status")]
    public void A_device_or_proc_file_is_refused_at_once_as_not_a_trace(string path)
    {
        if (!OperatingSystem.IsLinux())
            return; // these files exist on Linux, where CI runs
        long before = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        var result = CliRun.InProcess("summary", path);

        AssertOneLineError(result, "not a MemScope trace");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4 << 20, "allocated more than 4 MB to refuse it");
    }

    [Fact]
    public void The_real_process_refuses_dev_zero_at_once_with_one_line()
    {
        if (!OperatingSystem.IsLinux())
            return;

        var result = CliRun.AsProcess(samples.NewFolder(), "summary", "/dev/zero");

        AssertOneLineError(result, "/dev/zero: not a MemScope trace");
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_named_pipe_is_refused_without_waiting_for_a_writer()
    {
        if (!OperatingSystem.IsLinux())
            return;
        string fifo = Path.Combine(samples.NewFolder(), "pipe.mscope");
        Assert.Equal(0, MakeFifo(fifo, 0b110_000_000));

        var run = System.Threading.Tasks.Task.Run(() => CliRun.InProcess("check", fifo));
        bool finished = await System.Threading.Tasks.Task.WhenAny(run, System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(10))) == run;
        if (!finished)
            File.WriteAllBytes(fifo, [0]); // a writer, so the stuck open returns and the test can end

        Assert.True(finished, "memscope opened the FIFO and waited for a writer");
        AssertOneLineError(await run, "not a MemScope trace");
    }

    [Fact]
    public void A_large_file_without_the_magic_is_refused_after_reading_its_first_bytes()
    {
        string path = Path.Combine(samples.NewFolder(), "big.mscope");
        using (var file = File.Create(path))
            file.SetLength(1L << 30); // sparse: 1 GiB of zeros that take no disk
        long before = GC.GetAllocatedBytesForCurrentThread();

        var result = CliRun.InProcess("summary", path);

        AssertOneLineError(result, "no MSCOPE header");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4 << 20, "allocated more than 4 MB to refuse it");
    }

    [Fact]
    public void A_symbolic_link_to_a_trace_is_read_like_the_trace()
    {
        string link = Path.Combine(samples.NewFolder(), "latest.mscope");
        File.CreateSymbolicLink(link, samples.Trace(samples.UnsafeFfiFolder));

        var result = CliRun.InProcess("check", link);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("requestHeader", result.Output);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(string path, uint mode);

    [Theory]
    [InlineData("--help")]
    [InlineData("report --help")]
    [InlineData("summary --help")]
    [InlineData("check --help")]
    [InlineData("diff --help")]
    [InlineData("html --help")]
    public void Help_is_available_for_every_verb(string arguments)
    {
        var result = CliRun.InProcess(arguments.Split(' '));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output);
        Assert.Contains("memscope", result.Output);
    }

    private string Write(byte[] bytes)
    {
        string path = Path.Combine(samples.NewFolder(), "damaged.mscope");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void AssertOneLineError(CliResult result, string mentions)
    {
        Assert.Equal(2, result.ExitCode);
        string error = result.Error.TrimEnd('\n');
        Assert.StartsWith("memscope: ", error);
        Assert.DoesNotContain('\n', error);
        Assert.DoesNotContain("   at ", error);
        Assert.Contains(mentions, error);
    }
}
