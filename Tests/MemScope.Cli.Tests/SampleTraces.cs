using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MemScopeTestShared;
using Xunit;

namespace MemScope.Cli.Tests;

/// <summary>
/// Real recordings: each sample is run once per test run (in parallel) with MEMSCOPE_OUTPUT in a temporary
/// folder, and every test reads the report folders and traces it wrote.
/// </summary>
public sealed class SampleTraces : IDisposable
{
    public SampleTraces()
    {
        Root = Directory.CreateTempSubdirectory("memscope-cli-").FullName;
        var runs = new[] { ("UnsafeFfiDemo", "reports"), ("OwnershipDemo", "reports"), ("ComplexLifecycleShowcase", "reports"), ("UnsafeFfiDemo", "second-run") }
            .Select(run => Task.Run(() => Record(run.Item1, run.Item2))).ToArray();
        Task.WaitAll(runs);
    }

    public string Root { get; }

    /// <summary>Native leak 'requestHeader', double free 'frame', use after free 'digestInput', use after dispose 'manifest'.</summary>
    public string UnsafeFfiFolder => Folder("unsafe_ffi_demo");

    /// <summary>A second, independent recording of UnsafeFfiDemo: other object ids, other native addresses, the same problems.</summary>
    public string UnsafeFfiSecondRunFolder => Path.Combine(Root, "second-run", "unsafe_ffi_demo");

    /// <summary>No leaks, no violations.</summary>
    public string OwnershipFolder => Folder("ownership_demo");

    /// <summary>One leak: the MemoryStream in 'uploadBuffer'.</summary>
    public string ComplexFolder => Folder("complex_lifecycle");

    public string Trace(string folder) => Path.Combine(folder, Path.GetFileName(folder) + ".mscope");

    /// <summary>A fresh empty folder for one test's output.</summary>
    public string NewFolder() => Directory.CreateTempSubdirectory("memscope-cli-out-").FullName;

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private string Folder(string name) => Path.Combine(Root, "reports", name);

    private void Record(string sample, string outputFolder)
    {
        string work = Path.Combine(Root, $"work-{outputFolder}-{sample}");
        Directory.CreateDirectory(work);
        TestEnvironment.RunSample(sample, work, new Dictionary<string, string> { ["MEMSCOPE_OUTPUT"] = Path.Combine(Root, outputFolder) });
    }
}

[CollectionDefinition(Name)]
public sealed class SampleTracesCollection : ICollectionFixture<SampleTraces>
{
    public const string Name = "sample traces";
}
