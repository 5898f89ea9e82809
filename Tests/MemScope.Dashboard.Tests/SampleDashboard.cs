using System;
using System.Collections.Generic;
using System.IO;
using MemScopeTestShared;
using Xunit;

namespace MemScope.Dashboard.Tests;

/// <summary>The dashboard.html written by a real, woven run of samples/UnsafeFfiDemo (run once for all tests).</summary>
public sealed class SampleDashboard
{
    public const string Name = "unsafe_ffi_demo";

    public SampleDashboard()
    {
        string dll = Path.Combine(TestEnvironment.RepositoryRoot, "samples", "UnsafeFfiDemo", "bin", TestEnvironment.Configuration, "net10.0", "UnsafeFfiDemo.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build the test project first.");
        string work = Directory.CreateTempSubdirectory("memscope-dashboard-sample-").FullName;
        string output = Path.Combine(work, "reports");
        var (exitCode, _, error) = TestEnvironment.Run("dotnet", $"\"{dll}\"", work, new Dictionary<string, string> { ["MEMSCOPE_OUTPUT"] = output }, timeoutMs: 60_000);
        Assert.True(exitCode == 0, $"UnsafeFfiDemo exited with {exitCode}: {error}");
        Folder = Path.Combine(output, Name);
        Assert.True(File.Exists(DashboardPath), $"{DashboardPath} was not written; the folder holds: {string.Join(", ", Directory.Exists(Folder) ? Directory.GetFiles(Folder) : Array.Empty<string>())}");
    }

    public string Folder { get; }

    public string DashboardPath => Path.Combine(Folder, "dashboard.html");
}
