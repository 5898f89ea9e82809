using System.Collections.Generic;
using System.IO;
using MemScopeTestShared;
using Xunit;

namespace MemScopeRuntimeTests;

/// <summary>
/// A woven test project run by a plain `dotnet test`, no environment variable set: the test platform kills its test
/// host shortly after the run, and MemScope's build targets give the host the time to write its whole report first.
/// </summary>
public class DotnetTestReportTests
{
    private const string XunitProject = """
        <ItemGroup>
          <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
          <PackageReference Include="xunit" Version="2.9.3" />
          <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" PrivateAssets="all" />
        </ItemGroup>
        """;

    private const string XunitTests = """
        using System.IO;
        using Xunit;

        [assembly: Tracked]

        public class LeakTests
        {
            [Fact]
            public void Writes_to_a_stream_it_never_disposes()
            {
                var journal = new MemoryStream();
                journal.WriteByte(1);
                Assert.Equal(1, journal.Length);
            }
        }
        """;

    private const string NUnitProject = """
        <ItemGroup>
          <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
          <PackageReference Include="NUnit" Version="4.4.0" />
          <PackageReference Include="NUnit3TestAdapter" Version="6.3.0" />
        </ItemGroup>
        """;

    private const string NUnitTests = """
        using System.IO;
        using NUnit.Framework;

        [assembly: Tracked]

        public class LeakTests
        {
            [Test]
            public void Writes_to_a_stream_it_never_disposes()
            {
                var journal = new MemoryStream();
                journal.WriteByte(1);
                Assert.That(journal.Length, Is.EqualTo(1));
            }
        }
        """;

    [Theory(Timeout = 600_000)]
    [InlineData("xunit")]
    [InlineData("nunit")]
    public async System.Threading.Tasks.Task A_plain_dotnet_test_of_a_woven_test_project_ends_with_its_whole_report(string framework)
    {
        string project = Directory.CreateTempSubdirectory($"memscope-dotnet-test-{framework}-").FullName;
        string root = TestEnvironment.RepositoryRoot;
        File.WriteAllText(Path.Combine(project, "WovenTests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{Path.Combine(root, "build", "WeaveInSolution.props")}" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsTestProject>true</IsTestProject>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              {(framework == "xunit" ? XunitProject : NUnitProject)}
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "FodyWeavers.xml"), "<Weavers><MemScope /></Weavers>");
        File.WriteAllText(Path.Combine(project, "LeakTests.cs"), framework == "xunit" ? XunitTests : NUnitTests);

        // The weaver and the runtime are this build's own: referenced as built, not built again under the running tests.
        // VSTEST_TESTHOST_SHUTDOWN_TIMEOUT is removed: the run sees what a user's plain `dotnet test` sees.
        var test = await System.Threading.Tasks.Task.Run(() => TestEnvironment.Run("dotnet",
            $"test -c {TestEnvironment.Configuration} -p:BuildProjectReferences=false --nologo", project,
            new Dictionary<string, string> { ["VSTEST_TESTHOST_SHUTDOWN_TIMEOUT"] = "" }, timeoutMs: 540_000));
        Assert.True(test.ExitCode == 0, test.Output + test.Error);

        string report = Path.Combine(project, "bin", TestEnvironment.Configuration, "net10.0", "MemoryAnalysis", "testhost");
        var files = Directory.Exists(report) ? Directory.GetFiles(report) : [];
        foreach (string file in new[] { "testhost.mscope", "testhost_memory_analysis.json", "testhost_performance.json", "dashboard.html" })
            Assert.True(File.Exists(Path.Combine(report, file)), $"{file} missing; the report folder holds: {string.Join(", ", files)}");
        Assert.DoesNotContain(files, f => f.EndsWith(".tmp", System.StringComparison.Ordinal));
        string cli = TestEnvironment.ProgramDll("MemScope.Cli", "MemScope.Cli");
        var check = TestEnvironment.Run("dotnet", $"\"{cli}\" check \"{report}\"", project);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("'journal'", check.Output);
        Assert.Contains("LeakTests.cs:11", check.Output);
    }
}
