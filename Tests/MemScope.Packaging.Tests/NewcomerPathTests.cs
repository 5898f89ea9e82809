using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Xml.Linq;
using MemScopeTestShared;
using Xunit;
using Xunit.Abstractions;

namespace MemScopePackagingTests;

/// <summary>
/// A newcomer's first minutes, from the packages alone, following the README's quick start to the letter: a fresh
/// console project outside the repository whose NuGet.config knows the packed feed and nuget.org;
/// `dotnet add package MemScope.Fody`; the README's FodyWeavers.xml and code (a [Tracked] class that leaks a
/// FileStream held in a field and a Marshal.AllocHGlobal block), plus one unbounded stackalloc for the analyzer;
/// build (woven, warned), run (the stderr line the README shows), `dotnet tool install memscope`, and
/// `memscope check` printing the leaks the README shows.
/// </summary>
[Collection(PackedSolutionCollection.Name)]
public class NewcomerPathTests(PackedSolution packed, ITestOutputHelper log)
{
    /// <summary>Appended after the README's code, so its line numbers stay those the README shows.</summary>
    private const string Hazard = """

        static class Checksums
        {
            public static int Of(int length)
            {
                Span<byte> window = stackalloc byte[length];
                window.Fill(1);
                int sum = 0;
                foreach (byte b in window)
                    sum += b;
                return sum;
            }
        }
        """;

    /// <summary>The README's example paths: the project folder is /home/you/app.</summary>
    private const string ReadmeApp = "/home/you/app";

    [Fact]
    public void One_package_gives_weaving_the_runtime_and_the_diagnostics_and_the_tool_from_the_same_feed_fails_the_check_on_both_leaks()
    {
        string root = Directory.CreateTempSubdirectory("memscope-newcomer-").FullName;
        try
        {
            Walk(root);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private void Walk(string root)
    {
        string app = Path.Combine(root, "app");
        // A package cache of its own: a stale MemScope package of the same version in the user's cache cannot stand in for the one just packed.
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "nuget-packages") };
        var steps = new List<(string Step, TimeSpan Took)>();
        var total = Stopwatch.StartNew();
        ProcessResult Step(string name, string file, string arguments, string directory, int okExitCode = 0, Dictionary<string, string>? extra = null)
        {
            var env = new Dictionary<string, string>(environment);
            foreach (var (k, v) in extra ?? []) env[k] = v;
            var result = ProcessRunner.Run(file, arguments, directory, env, TimeSpan.FromMinutes(5));
            steps.Add((name, result.Elapsed));
            log.WriteLine($"{name}: {result.Elapsed.TotalSeconds:F1} s");
            Assert.True(result.ExitCode == okExitCode, result.Describe());
            return result;
        }

        var readme = QuickStart.Read(Path.Combine(TestEnvironment.RepositoryRoot, "README.md"));

        Step("dotnet new console", "dotnet", "new console -n app -o app --no-update-check", root);
        File.WriteAllText(Path.Combine(app, "NuGet.config"), NuGetConfig(packed.Feed));

        Step("dotnet add package MemScope.Fody", "dotnet", "add package MemScope.Fody", app);
        var reference = XDocument.Load(Path.Combine(app, "app.csproj")).Descendants("PackageReference").Single();
        Assert.Equal(("MemScope.Fody", packed.Version), ((string)reference.Attribute("Include")!, (string)reference.Attribute("Version")!));

        File.WriteAllText(Path.Combine(app, "FodyWeavers.xml"), readme.FodyWeavers);
        string source = readme.Code + Hazard;
        File.WriteAllText(Path.Combine(app, "Program.cs"), source);
        int stackallocLine = LineOf(source, "stackalloc");

        var build = Step("dotnet build", "dotnet", "build", app);
        Assert.Contains($"Program.cs({stackallocLine},", build.Output);
        Assert.Contains("warning MEM006", build.Output);
        Assert.Contains($"{packed.RepositoryUrl}/blob/main/MemScope.Analyzers/docs/rules/MEM006.md", build.Output);

        string assembly = Path.Combine(app, "bin", "Debug", "net10.0", "app.dll");
        Assert.True(HasResource(assembly, "MemScope.Sites.json"), "the build did not weave: no site table in app.dll");
        // Fody generated the project's schema from the .xcf found beside the packed weaver.
        Assert.Contains("TrackLocals", File.ReadAllText(Path.Combine(app, "FodyWeavers.xsd")));
        AssertOnlyPackagesFrom(app, environment["NUGET_PACKAGES"]);

        var run = Step("dotnet run", "dotnet", "run", app);
        string report = Path.Combine(app, "MemoryAnalysis", "app");
        string dashboard = Path.Combine(report, "dashboard.html");
        Assert.True(File.Exists(dashboard), $"no {dashboard}");
        Assert.True(File.Exists(Path.Combine(report, "app.mscope")));
        // The one line that says where the report went, as the README shows it.
        Assert.Equal(readme.StderrLine.Replace(ReadmeApp, app), Assert.Single(Lines(run.Error), l => l.StartsWith("MemScope:", StringComparison.Ordinal)));

        string tools = Path.Combine(root, "tools");
        Step("dotnet tool install memscope", "dotnet", $"tool install memscope --tool-path \"{tools}\" --configfile \"{Path.Combine(app, "NuGet.config")}\"", root);
        var check = Step("memscope check", Path.Combine(tools, "memscope"), readme.CheckArguments, app, okExitCode: 1);
        // Both leaks, each with its variable and line, exactly as the README prints them.
        Assert.Equal(2, readme.CheckLines.Count);
        Assert.All(readme.CheckLines, line => Assert.Contains(line.Replace(ReadmeApp, app), check.Output));
        Assert.Contains("memscope check: FAILED", check.Output);
        total.Stop();

        // MEMSCOPE_QUIET=1: the same program, the same report, no line.
        var quiet = ProcessRunner.RunOk("dotnet", $"\"{assembly}\"", app, new Dictionary<string, string> { ["MEMSCOPE_QUIET"] = "1", ["MEMSCOPE_OUTPUT"] = Path.Combine(root, "quiet") });
        Assert.True(File.Exists(Path.Combine(root, "quiet", "app", "dashboard.html")));
        Assert.DoesNotContain(Lines(quiet.Error), l => l.StartsWith("MemScope:", StringComparison.Ordinal));

        log.WriteLine($"pack (dotnet pack MemScope.sln -c Release, once for the collection): {packed.Pack.Elapsed.TotalSeconds:F1} s");
        log.WriteLine($"newcomer path after the pack: {total.Elapsed.TotalSeconds:F1} s ({string.Join(", ", steps.Select(s => $"{s.Step} {s.Took.TotalSeconds:F1} s"))})");
    }

    private static int LineOf(string source, string text) =>
        source.Split('\n').Select((line, index) => (line, index)).Single(l => l.line.Contains(text, StringComparison.Ordinal)).index + 1;

    private static IEnumerable<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The packed feed serves MemScope's packages (and only it may); nuget.org serves Fody and the rest.</summary>
    private static string NuGetConfig(string feed) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="memscope-local" value="{feed}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="memscope-local">
              <package pattern="MemScope.*" />
              <package pattern="memscope" />
            </packageSource>
            <packageSource key="nuget.org">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
        </configuration>
        """;

    private static bool HasResource(string assembly, string name)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        var reader = pe.GetMetadataReader();
        return reader.ManifestResources.Any(h => reader.GetString(reader.GetManifestResource(h).Name) == name);
    }

    /// <summary>Every package the fresh project resolved came from its own package folder; nothing points into the repository.</summary>
    private static void AssertOnlyPackagesFrom(string app, string packageFolder)
    {
        string assetsText = File.ReadAllText(Path.Combine(app, "obj", "project.assets.json"));
        using var assets = JsonDocument.Parse(assetsText);
        var folders = assets.RootElement.GetProperty("packageFolders").EnumerateObject().Select(p => Path.TrimEndingDirectorySeparator(p.Name)).ToList();
        Assert.Equal(new[] { Path.TrimEndingDirectorySeparator(packageFolder) }, folders);
        var libraries = assets.RootElement.GetProperty("libraries").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("type").GetString());
        Assert.All(libraries, l => Assert.Equal("package", l.Value));
        Assert.Contains("MemScope.Runtime/" + XDocument.Load(Path.Combine(app, "app.csproj")).Descendants("PackageReference").Single().Attribute("Version")!.Value, libraries.Keys);
        Assert.DoesNotContain(TestEnvironment.RepositoryRoot, assetsText);
        Assert.DoesNotContain(TestEnvironment.RepositoryRoot, File.ReadAllText(Path.Combine(app, "obj", "app.csproj.nuget.g.props")));
    }
}
