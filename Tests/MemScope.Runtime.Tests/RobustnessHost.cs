using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using MemScopeTestShared;
using Xunit;

namespace MemScopeRuntimeTests;

/// <summary>
/// Starts Tests/MemScope.RobustnessHost, the woven program the robustness tests crash, signal, kill and starve, in a
/// folder of its own; optionally under another command (setpriv to drop root, unshare to give it a tiny disk).
/// </summary>
internal sealed class RobustnessHost : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private RobustnessHost(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Append(e.Data).Append('\n'); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_error) _error.Append(e.Data).Append('\n'); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static string Dll => TestEnvironment.ProgramDll(Path.Combine("Tests", "MemScope.RobustnessHost"), "MemScope.RobustnessHost");

    public static string CliDll => TestEnvironment.ProgramDll("MemScope.Cli", "MemScope.Cli");

    public int Id => _process.Id;

    public string Output { get { lock (_output) return _output.ToString(); } }

    public string Error { get { lock (_error) return _error.ToString(); } }

    /// <summary>Standard error's lines written by MemScope.</summary>
    public string[] MemScopeLines => Error.Split('\n').Where(l => l.StartsWith("MemScope:", StringComparison.Ordinal)).ToArray();

    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts the host with <paramref name="arguments"/> in <paramref name="directory"/>. Every MEMSCOPE_ variable of this
    /// test process is cleared first, so a run sees only what the test gives it. <paramref name="wrapper"/> is a command
    /// line the host is started under (its last word is followed by <c>dotnet host.dll arguments</c>).
    /// </summary>
    public static RobustnessHost Start(string arguments, string directory, IReadOnlyDictionary<string, string>? environment = null, string? wrapper = null)
    {
        Assert.True(File.Exists(Dll), $"{Dll} is missing: build the test project first.");
        string command = $"\"{Dll}\" {arguments}";
        var start = wrapper is null
            ? new ProcessStartInfo("dotnet", command)
            : new ProcessStartInfo(wrapper.Split(' ')[0], wrapper[(wrapper.IndexOf(' ') is int i && i > 0 ? i + 1 : wrapper.Length)..] + " dotnet " + command);
        start.WorkingDirectory = directory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MEMSCOPE_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        start.Environment["MEMSCOPE_OUTPUT"] = Path.Combine(directory, "out");
        // Each test counts the lines on stderr that MemScope owes it; the line naming the report at exit is another test's.
        start.Environment["MEMSCOPE_QUIET"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        return new RobustnessHost(Process.Start(start)!);
    }

    /// <summary>Runs the host to its end and returns it; a host that does not end in time is killed and fails the test.</summary>
    public static RobustnessHost Run(string arguments, string directory, IReadOnlyDictionary<string, string>? environment = null, string? wrapper = null, int timeoutMs = 120_000)
    {
        var host = Start(arguments, directory, environment, wrapper);
        host.WaitForExit(timeoutMs);
        return host;
    }

    public void WaitForExit(int timeoutMs = 120_000)
    {
        if (!_process.WaitForExit(timeoutMs))
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"the host did not end within {timeoutMs / 1000} s; output: {Output} error: {Error}");
        }
        _process.WaitForExit(); // the asynchronous readers have seen the end of both streams
    }

    /// <summary>Waits until the host has printed a line starting with <paramref name="prefix"/>; returns that line.</summary>
    public string WaitForLine(string prefix, int timeoutMs = 60_000)
    {
        var clock = Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < timeoutMs)
        {
            if (Output.Split('\n').LastOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) is { } line)
                return line;
            if (_process.HasExited)
                break;
            Thread.Sleep(20);
        }
        Assert.Fail($"the host printed no '{prefix}' line; output: {Output} error: {Error}");
        return "";
    }

    /// <summary>Sends a POSIX signal (SIGTERM 15, SIGINT 2, SIGKILL 9) to the host.</summary>
    public void Signal(int signal) => Assert.Equal(0, kill(_process.Id, signal));

    /// <summary>The values the host printed as <c>key=value</c> lines; the last one wins.</summary>
    public string Value(string key) =>
        Output.Split('\n').LastOrDefault(l => l.StartsWith(key + "=", StringComparison.Ordinal)) is { } line
            ? line[(key.Length + 1)..]
            : throw new KeyNotFoundException($"the host printed no '{key}'; output: {Output} error: {Error}");

    public string[] Lines(string key) =>
        Output.Split('\n').Where(l => l.StartsWith(key + "=", StringComparison.Ordinal)).Select(l => l[(key.Length + 1)..]).ToArray();

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}

/// <summary>A folder for one test, deleted afterwards (read-only folders inside it are made writable first).</summary>
internal sealed class TestFolder : IDisposable
{
    public TestFolder(string purpose)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"memscope-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>
    /// A device whose every write fails with "No space left on device": a node of its own in this folder when the test
    /// runs as root (other runs on the machine cannot take it away), else the system's /dev/full.
    /// </summary>
    public string FullDevice()
    {
        if (Environment.UserName != "root")
            return "/dev/full";
        string device = this["full"];
        var (exitCode, _, error) = TestEnvironment.Run("mknod", $"-m 666 \"{device}\" c 1 7", Path);
        Assert.True(exitCode == 0, $"mknod failed: {error}");
        return device;
    }

    public void Dispose()
    {
        if (!Directory.Exists(Path))
            return;
        if (OperatingSystem.IsWindows())
        {
            Directory.Delete(Path, recursive: true);
            return;
        }
        foreach (var directory in Directory.GetDirectories(Path, "*", SearchOption.AllDirectories).Append(Path))
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.Delete(Path, recursive: true);
    }
}
