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
