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
        string work = Directory.CreateTempSubdirectory("memscope-dashboard-sample-").FullName;
        string output = Path.Combine(work, "reports");
        TestEnvironment.RunSample("UnsafeFfiDemo", work, new Dictionary<string, string> { ["MEMSCOPE_OUTPUT"] = output });
        Folder = Path.Combine(output, Name);
        Assert.True(File.Exists(DashboardPath), $"{DashboardPath} was not written; the folder holds: {string.Join(", ", Directory.Exists(Folder) ? Directory.GetFiles(Folder) : Array.Empty<string>())}");
    }

    public string Folder { get; }

    public string DashboardPath => Path.Combine(Folder, "dashboard.html");
}
