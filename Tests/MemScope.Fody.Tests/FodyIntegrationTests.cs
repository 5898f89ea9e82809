using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using MemScopeTestShared;
using Xunit;

namespace MemScopeFodyTests;

/// <summary>The weaver as Fody runs it in a real dotnet build.</summary>
public class FodyIntegrationTests
{
    private static readonly string Root = TestEnvironment.RepositoryRoot;

    [Fact]
    public void The_root_FodyWeavers_xsd_is_the_schema_Fody_generates_from_MemScope_Fody_xcf()
    {
        string generated = File.ReadAllText(Path.Combine(Root, "Tests", "AssemblyToProcess", "FodyWeavers.xsd"));
        string published = File.ReadAllText(Path.Combine(Root, "FodyWeavers.xsd"));

        Assert.Equal(generated, published);
    }

    [Fact]
    public void Every_attribute_the_weaver_reads_is_declared_in_the_xcf_fragment()
    {
        XNamespace xs = "http://www.w3.org/2001/XMLSchema";
        var declared = XDocument.Load(Path.Combine(Root, "MemScope.Fody", "MemScope.Fody.xcf"))
            .Descendants(xs + "attribute").Select(a => (string)a.Attribute("name")!).ToList();

        Assert.Equal(new[]
        {
            "TrackLocals", "TrackAllocations", "TrackFields", "TrackDisposables", "TrackHandles", "TrackNativeMemory", "TrackPInvoke", "TrackEvents",
            "TrackAll", "IncludeNamespaces", "ExcludeNamespaces",
        }, declared);
    }

    [Fact]
    public void An_unknown_attribute_in_FodyWeavers_xml_fails_the_build_with_a_Fody_error_naming_it()
    {
        var (exitCode, output) = Build("badconfig", "<Weavers><MemScope TrackEverything=\"true\" /></Weavers>");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("<MemScope> has no attribute 'TrackEverything'", output);
        Assert.Contains("FodyWeavers.xml", output);
    }

    [Fact]
    public void A_repeated_MemScope_element_fails_the_build_with_a_Fody_error_although_Fody_hands_the_weaver_only_the_last()
    {
        var (exitCode, output) = Build("repeated", "<Weavers><MemScope TrackLocals=\"false\" /><MemScope TrackAll=\"true\" /></Weavers>");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("<MemScope> appears 2 times", output);
        Assert.Contains("FodyWeavers.xml", output);
    }

    /// <summary>Builds a one-file project woven by this MemScope.Fody with the given FodyWeavers.xml: exit code and output.</summary>
    private static (int ExitCode, string Output) Build(string name, string weavers)
    {
        string project = Directory.CreateTempSubdirectory($"memscope-{name}-").FullName;
        File.WriteAllText(Path.Combine(project, "Config.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><NuGetAudit>false</NuGetAudit></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Fody" Version="6.9.3" PrivateAssets="all" />
                <Reference Include="{Path.Combine(AppContext.BaseDirectory, "MemScope.Runtime.dll")}" />
                <WeaverFiles Include="{Path.Combine(Root, "MemScope.Fody", "bin", TestEnvironment.Configuration, "netstandard2.0", "MemScope.Fody.dll")}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "FodyWeavers.xml"), weavers);
        File.WriteAllText(Path.Combine(project, "Code.cs"), "public class Code { [Tracked] public void Run() { var list = new System.Collections.Generic.List<int>(); } }");

        var (exitCode, output, _) = TestEnvironment.Run("dotnet", "build -nologo -v:q", project);
        return (exitCode, output);
    }
}
