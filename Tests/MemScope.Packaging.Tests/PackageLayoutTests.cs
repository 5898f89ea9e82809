using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace MemScopePackagingTests;

/// <summary>Each package of `dotnet pack MemScope.sln -c Release`, opened: files where NuGet and Fody look for them, and the metadata of build/Package.props.</summary>
[Collection(PackedSolutionCollection.Name)]
public class PackageLayoutTests(PackedSolution packed)
{
    [Fact]
    public void Packing_the_solution_writes_exactly_the_product_packages()
    {
        Assert.Equal(PackedSolution.ProductPackageIds.Order(StringComparer.Ordinal), packed.Packages.Keys.Order(StringComparer.Ordinal));
        Assert.All(packed.Packages.Values, p => Assert.Equal($"{p.Id}.{packed.Version}.nupkg", Path.GetFileName(p.Path)));
    }

    [Fact]
    public void Every_package_carries_the_metadata_declared_once()
    {
        Assert.All(packed.Packages.Values, package =>
        {
            Assert.Equal(packed.Version, package.Value("version"));
            Assert.Equal("MemScope contributors", package.Value("authors"));
            var license = package.Metadata.Element(package.Ns + "license")!;
            Assert.Equal(("expression", "MIT"), ((string)license.Attribute("type")!, license.Value));
            Assert.Equal(packed.RepositoryUrl, package.Value("projectUrl"));
            var repository = package.Metadata.Element(package.Ns + "repository")!;
            Assert.Equal(("git", packed.RepositoryUrl), ((string)repository.Attribute("type")!, (string)repository.Attribute("url")!));
            Assert.Matches("^[0-9a-f]{40}$", (string)repository.Attribute("commit")!);
            Assert.Equal("README.md", package.Value("readme"));
            Assert.Contains("dotnet add package MemScope.Fody", package.ReadText("README.md"));
            Assert.False(string.IsNullOrWhiteSpace(package.Value("description")));
            Assert.Contains("CHANGELOG.md", package.Value("releaseNotes"));
            Assert.Contains("memory", package.Value("tags")!.Split(' '));
            Assert.StartsWith("Copyright", package.Value("copyright"));
        });
    }

    [Fact]
    public void MemScope_Fody_is_laid_out_as_a_Fody_add_in_with_the_analyzers_and_the_runtime_as_a_dependency()
    {
        var fody = packed["MemScope.Fody"];

        Assert.Equal(new[]
        {
            "README.md",
            "analyzers/dotnet/cs/MemScope.Analyzers.CodeFixes.dll",
            "analyzers/dotnet/cs/MemScope.Analyzers.dll",
            "build/MemScope.Fody.props",
            "build/MemScope.Fody.targets",
            "lib/net8.0/_._",
            "weaver/MemScope.Fody.dll",
            "weaver/MemScope.Fody.xcf",
        }, ContentOf(fody));

        // Fody finds weavers in @(WeaverFiles); the props NuGet imports must add the packed weaver, by a path relative to itself.
        var props = XDocument.Parse(fody.ReadText("build/MemScope.Fody.props"));
        var weaverFiles = props.Descendants("WeaverFiles").Select(w => (string)w.Attribute("Include")!).ToList();
        Assert.Equal(new[] { @"$(MSBuildThisFileDirectory)..\weaver\MemScope.Fody.dll" }, weaverFiles);

        // A woven test project's test host is given time to write its report, unless the user set the timeout or turned it off.
        var targets = XDocument.Parse(fody.ReadText("build/MemScope.Fody.targets"));
        var target = Assert.Single(targets.Descendants(targets.Root!.Name.Namespace + "Target"));
        Assert.Contains("VSTEST_TESTHOST_SHUTDOWN_TIMEOUT", target.ToString());

        // Fody merges the .xcf beside the weaver into FodyWeavers.xsd: it must be the schema fragment of <MemScope>.
        XNamespace xs = "http://www.w3.org/2001/XMLSchema";
        var xcf = XDocument.Parse(fody.ReadText("weaver/MemScope.Fody.xcf"));
        Assert.Contains("TrackLocals", xcf.Descendants(xs + "attribute").Select(a => (string)a.Attribute("name")!));

        // Fody loads weavers into MSBuild on every host: the weaver must be netstandard2.0.
        Assert.Equal(".NETStandard,Version=v2.0", TargetFrameworkOf(fody.Read("weaver/MemScope.Fody.dll")));

        var group = Assert.Single(fody.DependencyGroups);
        Assert.Equal("net8.0", (string)group.Attribute("targetFramework")!);
        var dependencies = group.Elements(group.Name.Namespace + "dependency").ToDictionary(d => (string)d.Attribute("id")!);
        Assert.Equal(new[] { "Fody", "MemScope.Runtime" }, dependencies.Keys.Order(StringComparer.Ordinal));

        // Every asset of Fody must flow to the consumer, or its build targets never run and nothing is woven:
        // that is PrivateAssets="none" in the packing project, include="All" and no exclude here.
        var fodyDependency = dependencies["Fody"];
        Assert.Equal("6.9.3", (string)fodyDependency.Attribute("version")!);
        Assert.Equal("All", (string?)fodyDependency.Attribute("include"));
        Assert.Null(fodyDependency.Attribute("exclude"));

        Assert.Equal(packed.Version, (string)dependencies["MemScope.Runtime"].Attribute("version")!);
        Assert.Null(fody.Value("developmentDependency"));   // the runtime must reach whoever references the woven library
    }

    [Theory]
    [InlineData("MemScope.Trace", new[] { "System.IO.Hashing" })]
    [InlineData("MemScope.Reports", new[] { "MemScope.Trace" })]
    [InlineData("MemScope.Runtime", new[] { "MemScope.Reports", "MemScope.Trace" })]
    public void The_libraries_ship_net8_and_net10_builds_and_depend_on_each_other_at_the_same_version(string id, string[] dependsOn)
    {
        var package = packed[id];

        Assert.Equal(new[] { "README.md", $"lib/net10.0/{id}.dll", $"lib/net10.0/{id}.xml", $"lib/net8.0/{id}.dll", $"lib/net8.0/{id}.xml" }, ContentOf(package));
        Assert.Equal(".NETCoreApp,Version=v8.0", TargetFrameworkOf(package.Read($"lib/net8.0/{id}.dll")));
        Assert.Equal(".NETCoreApp,Version=v10.0", TargetFrameworkOf(package.Read($"lib/net10.0/{id}.dll")));

        var groups = package.DependencyGroups.ToDictionary(g => (string)g.Attribute("targetFramework")!);
        Assert.Equal(new[] { "net10.0", "net8.0" }, groups.Keys.Order(StringComparer.Ordinal));
        Assert.All(groups.Values, group =>
        {
            var dependencies = group.Elements(group.Name.Namespace + "dependency").ToList();
            Assert.Equal(dependsOn, dependencies.Select(d => (string)d.Attribute("id")!).Order(StringComparer.Ordinal));
            // MemScope's own packages move together; a library it uses (System.IO.Hashing's CRC-32) keeps its own version.
            Assert.All(dependencies.Where(d => ((string)d.Attribute("id")!).StartsWith("MemScope.", StringComparison.Ordinal)),
                d => Assert.Equal(packed.Version, (string)d.Attribute("version")!));
        });
    }

    [Fact]
    public void MemScope_Analyzers_is_a_development_dependency_holding_the_analyzer_and_its_code_fixes()
    {
        var analyzers = packed["MemScope.Analyzers"];

        Assert.Equal(new[] { "README.md", "analyzers/dotnet/cs/MemScope.Analyzers.CodeFixes.dll", "analyzers/dotnet/cs/MemScope.Analyzers.dll", "docs/README.md" }, ContentOf(analyzers));
        Assert.Equal("true", analyzers.Value("developmentDependency"));
        Assert.Empty(analyzers.DependencyGroups.SelectMany(g => g.Elements()));
        Assert.Equal(".NETStandard,Version=v2.0", TargetFrameworkOf(analyzers.Read("analyzers/dotnet/cs/MemScope.Analyzers.dll")));
    }

    [Fact]
    public void The_memscope_tool_installs_as_memscope_and_rolls_forward_to_newer_runtimes()
    {
        var tool = packed["memscope"];

        var packageType = Assert.Single(tool.Metadata.Element(tool.Ns + "packageTypes")!.Elements(tool.Ns + "packageType"));
        Assert.Equal("DotnetTool", (string)packageType.Attribute("name")!);

        var settings = XDocument.Parse(tool.ReadText("tools/net10.0/any/DotnetToolSettings.xml"));
        var command = Assert.Single(settings.Descendants("Command"));
        Assert.Equal(("memscope", "MemScope.Cli.dll"), ((string)command.Attribute("Name")!, (string)command.Attribute("EntryPoint")!));

        using var runtimeConfig = JsonDocument.Parse(tool.ReadText("tools/net10.0/any/MemScope.Cli.runtimeconfig.json"));
        var options = runtimeConfig.RootElement.GetProperty("runtimeOptions");
        Assert.Equal("Major", options.GetProperty("rollForward").GetString());
        Assert.Equal("net10.0", options.GetProperty("tfm").GetString());

        // The tool reads traces and writes reports; the recorder stays out of it.
        Assert.Contains("tools/net10.0/any/MemScope.Reports.dll", tool.Entries);
        Assert.DoesNotContain(tool.Entries, e => e.EndsWith("MemScope.Runtime.dll", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_shipped_MemScope_assembly_embeds_its_pdb()
    {
        var shipped = packed.Packages.Values
            .SelectMany(p => p.Entries.Where(e => Path.GetFileName(e).StartsWith("MemScope.", StringComparison.Ordinal) && e.EndsWith(".dll", StringComparison.Ordinal)).Select(e => (p, e)))
            .ToList();

        // lib (3 libraries x 2 frameworks), weaver, analyzers (2 packages x 2), tool (MemScope.Cli, .Reports, .Trace)
        Assert.Equal(6 + 1 + 4 + 3, shipped.Count);
        Assert.All(shipped, item =>
        {
            using var pe = new PEReader(new MemoryStream(item.p.Read(item.e)));
            var entries = pe.ReadDebugDirectory();
            Assert.True(entries.Any(d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb), $"{item.e} in {item.p.Id} has no embedded PDB");
            Assert.True(entries.Any(d => d.Type == DebugDirectoryEntryType.Reproducible), $"{item.e} in {item.p.Id} was not built deterministically");
        });
    }

    /// <summary>The package's own files, without the OPC parts and the nuspec every package has.</summary>
    private static List<string> ContentOf(NuPackage package) =>
        package.Entries
            .Where(e => !e.StartsWith("_rels/", StringComparison.Ordinal) && !e.StartsWith("package/", StringComparison.Ordinal)
                        && e != "[Content_Types].xml" && !e.EndsWith(".nuspec", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string TargetFrameworkOf(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        var reader = pe.GetMetadataReader();
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            var constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            var type = reader.GetTypeReference((TypeReferenceHandle)constructor.Parent);
            if (reader.GetString(type.Name) != "TargetFrameworkAttribute")
                continue;
            var value = reader.GetBlobReader(attribute.Value);
            value.ReadUInt16(); // prolog
            return value.ReadSerializedString()!;
        }
        throw new InvalidOperationException("no TargetFrameworkAttribute");
    }
}
