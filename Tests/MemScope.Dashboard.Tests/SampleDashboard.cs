using System;
using System.Collections.Generic;
using System.IO;
using MemScopeTestShared;
using Xunit;

namespace MemScope.Dashboard.Tests;

/// <summary>A real, woven run of a sample (run once for all tests) and the report folder it wrote.</summary>
public abstract class SampleRun
{
    /// <summary>The editor every sample run and every `memscope html` of the tests links to, whatever the machine's environment says.</summary>
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string> { ["MEMSCOPE_EDITOR"] = "vscode" };

    protected SampleRun(string sample, string name)
    {
        Sample = sample;
        Name = name;
        string work = Directory.CreateTempSubdirectory("memscope-dashboard-sample-").FullName;
        string output = Path.Combine(work, "reports");
        TestEnvironment.RunSample(sample, work, new Dictionary<string, string>(Environment) { ["MEMSCOPE_OUTPUT"] = output });
        Folder = Path.Combine(output, name);
        Assert.True(File.Exists(DashboardPath), $"{DashboardPath} was not written; the folder holds: {string.Join(", ", Directory.Exists(Folder) ? Directory.GetFiles(Folder) : Array.Empty<string>())}");
    }

    public string Sample { get; }

    public string Name { get; }

    public string Folder { get; }

    public string DashboardPath => Path.Combine(Folder, "dashboard.html");

    /// <summary>The 1-based line of the sample's source file that contains <paramref name="text"/> (the first such line).</summary>
    public int LineOf(string file, string text)
    {
        var lines = File.ReadAllLines(Path.Combine(TestEnvironment.RepositoryRoot, "samples", Sample, file));
        int index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{text}' is not in samples/{Sample}/{file}");
        return index + 1;
    }
}

/// <summary>The dashboard.html written by a real, woven run of samples/UnsafeFfiDemo.</summary>
public sealed class SampleDashboard() : SampleRun("UnsafeFfiDemo", "unsafe_ffi_demo");

/// <summary>The dashboard.html written by a real, woven run of samples/ComplexLifecycleShowcase.</summary>
public sealed class ShowcaseDashboard() : SampleRun("ComplexLifecycleShowcase", "complex_lifecycle");
