using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using MemScopeTestShared;
using Xunit;

namespace MemScopePackagingTests;

/// <summary>
/// `dotnet pack MemScope.sln -c Release` once per test run, into a temporary folder that then serves as the package
/// feed; the tests of this collection open those packages and install them.
/// </summary>
public sealed class PackedSolution : IDisposable
{
    /// <summary>The packages the solution ships, by id; everything else in the solution must stay unpackable.</summary>
    public static readonly string[] ProductPackageIds = ["MemScope.Fody", "MemScope.Runtime", "MemScope.Trace", "MemScope.Reports", "MemScope.Analyzers", "memscope"];

    public PackedSolution()
    {
        Feed = Directory.CreateTempSubdirectory("memscope-feed-").FullName;
        var props = XDocument.Load(Path.Combine(TestEnvironment.RepositoryRoot, "build", "Package.props"));
        Version = Property(props, "Version");
        RepositoryUrl = Property(props, "RepositoryUrl");

        using (ReleaseBuildLock.Take())
            Pack = ProcessRunner.RunOk("dotnet", $"pack MemScope.sln -c Release -nologo -nodeReuse:false -p:PackageOutputPath=\"{Feed}/\"",
                TestEnvironment.RepositoryRoot, timeout: TimeSpan.FromMinutes(15));
        Packages = Directory.GetFiles(Feed, "*.nupkg").Select(path => new NuPackage(path)).ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>A folder feed holding exactly what the pack wrote.</summary>
    public string Feed { get; }

    /// <summary>The version and repository URL declared once, in build/Package.props.</summary>
    public string Version { get; }
    public string RepositoryUrl { get; }

    public ProcessResult Pack { get; }
    public IReadOnlyDictionary<string, NuPackage> Packages { get; }

    public NuPackage this[string id] => Packages.TryGetValue(id, out var package)
        ? package
        : throw new InvalidOperationException($"no package {id} among {string.Join(", ", Packages.Keys)}");

    private static string Property(XDocument document, string name) =>
        document.Descendants(name).Select(e => e.Value).SingleOrDefault() ?? throw new InvalidOperationException($"build/Package.props declares no {name}");

    public void Dispose()
    {
        try { Directory.Delete(Feed, recursive: true); }
        catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class PackedSolutionCollection : ICollectionFixture<PackedSolution>
{
    // One collection: the pack runs once, and the heavy builds of these tests run one after another on small machines.
    public const string Name = "packed solution";
}

/// <summary>A .nupkg opened as the zip file it is.</summary>
public sealed class NuPackage
{
    public NuPackage(string path)
    {
        Path = path;
        using var zip = ZipFile.OpenRead(path);
        Entries = zip.Entries.Select(e => e.FullName).ToList();
        var nuspecEntry = zip.Entries.Single(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        Nuspec = XDocument.Load(stream);
        // NuGet picks the nuspec schema version by the features a package uses; the element names are the same in all of them.
        Ns = Nuspec.Root!.Name.Namespace;
        Metadata = Nuspec.Root.Element(Ns + "metadata")!;
    }

    public string Path { get; }
    public IReadOnlyList<string> Entries { get; }
    public XDocument Nuspec { get; }
    public XElement Metadata { get; }
    public XNamespace Ns { get; }

    public string Id => Value("id")!;

    public string? Value(string element) => Metadata.Element(Ns + element)?.Value;

    public IEnumerable<XElement> DependencyGroups => Metadata.Element(Ns + "dependencies")?.Elements(Ns + "group") ?? [];

    public byte[] Read(string entry)
    {
        using var zip = ZipFile.OpenRead(Path);
        using var stream = zip.GetEntry(entry)?.Open() ?? throw new InvalidOperationException($"{System.IO.Path.GetFileName(Path)} has no {entry}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public string ReadText(string entry) => System.Text.Encoding.UTF8.GetString(Read(entry)).TrimStart('\uFEFF');

    /// <summary>Writes <paramref name="entries"/> into <paramref name="directory"/> under their file names.</summary>
    public void Extract(IEnumerable<string> entries, string directory)
    {
        foreach (string entry in entries)
            File.WriteAllBytes(System.IO.Path.Combine(directory, System.IO.Path.GetFileName(entry)), Read(entry));
    }
}
