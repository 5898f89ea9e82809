using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace MemScopeTestShared;

/// <summary>Where the repository and its built outputs are, and how tests start real processes.</summary>
internal static class TestEnvironment
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The configuration the tests were built in (bin/&lt;Configuration&gt;/&lt;tfm&gt;/), so they use outputs of the same build.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    /// <summary>The built sample program, from the same build as the tests unless another configuration is named.</summary>
    public static string SampleDll(string sample, string? configuration = null) => ProgramDll(Path.Combine("samples", sample), sample, configuration);

    /// <summary>The configuration the tests were not built in: what a test builds itself to compare Debug with Release.</summary>
    public static string OtherConfiguration => Configuration == "Release" ? "Debug" : "Release";

    /// <summary>Builds a sample (and what it references) in <paramref name="configuration"/> with a real dotnet build.</summary>
    public static void BuildSample(string sample, string configuration) => BuildProgram(Path.Combine("samples", sample), sample, configuration);

    /// <summary>Builds a program of the repository (its folder relative to the root, and its name) in <paramref name="configuration"/>.</summary>
    public static void BuildProgram(string projectFolder, string name, string configuration)
    {
        string project = Path.Combine(RepositoryRoot, projectFolder, name + ".csproj");
        using var exclusive = ReleaseBuildLock.Take();
        var (exitCode, output, error) = Run("dotnet", $"build \"{project}\" -c {configuration} --nologo -v q", RepositoryRoot, timeoutMs: 600_000);
        if (exitCode != 0)
            throw new InvalidOperationException($"dotnet build {name} -c {configuration} failed:\n{output}\n{error}");
    }

    /// <summary>A program of the repository (its folder relative to the root, and its assembly name), from the same build as the tests.</summary>
    public static string ProgramDll(string projectFolder, string assemblyName, string? configuration = null) =>
        Path.Combine(RepositoryRoot, projectFolder, "bin", configuration ?? Configuration, "net10.0", assemblyName + ".dll");

    /// <summary>Runs a sample to completion and returns its standard output; a missing build or a failing run is an error.</summary>
    public static string RunSample(string sample, string workingDirectory, IReadOnlyDictionary<string, string> environment, string? configuration = null)
    {
        string dll = SampleDll(sample, configuration);
        if (!File.Exists(dll))
            throw new FileNotFoundException($"{dll} is missing: build the test project first.");
        var (exitCode, output, error) = Run("dotnet", $"\"{dll}\"", workingDirectory, environment, timeoutMs: 60_000);
        if (exitCode != 0)
            throw new InvalidOperationException($"{sample} exited with {exitCode}: {error}");
        return output;
    }

    public static (int ExitCode, string Output, string Error) Run(
        string file, string arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, int timeoutMs = 180_000)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(timeoutMs))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {arguments} did not finish in {timeoutMs / 1000} s");
        }
        return (process.ExitCode, output.Replace("\r\n", "\n"), error.Result);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MemScope.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("MemScope.sln not found above " + AppContext.BaseDirectory);
    }
}
