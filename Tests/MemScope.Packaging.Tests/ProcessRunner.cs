using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;

namespace MemScopePackagingTests;

/// <summary>What a finished process printed and how long it took.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string Output, string Error, TimeSpan Elapsed)
{
    public string Describe() => $"`{Command}` exited with {ExitCode} after {Elapsed.TotalSeconds:F1} s\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>Starts real processes (dotnet, git, the installed tool) with a controlled environment.</summary>
internal static class ProcessRunner
{
    /// <summary>
    /// Runs <paramref name="file"/> to completion. MEMSCOPE_* variables of the test process are not passed on, so a
    /// setting of the run cannot change what the user's program does; <paramref name="environment"/> adds or replaces variables.
    /// </summary>
    public static ProcessResult Run(string file, string arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("MEMSCOPE_", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;

        var limit = timeout ?? TimeSpan.FromMinutes(5);
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{file} {arguments}` did not finish in {limit.TotalSeconds:F0} s");
        }
        process.WaitForExit();
        return new ProcessResult($"{file} {arguments}", process.ExitCode, output.Result.Replace("\r\n", "\n"), error.Result.Replace("\r\n", "\n"), stopwatch.Elapsed);
    }

    /// <summary>Runs and requires exit code 0.</summary>
    public static ProcessResult RunOk(string file, string arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var result = Run(file, arguments, workingDirectory, environment, timeout);
        if (result.ExitCode != 0)
            throw new InvalidOperationException(result.Describe());
        return result;
    }
}
