using System.Collections.Generic;
using System.IO;
using MemScopeTestShared;
using Xunit;

namespace MemScopeRuntimeTests;

/// <summary>
/// A woven xunit project run by a plain `dotnet test`: its test host is killed about 100 ms after the run ends, and the
/// recording must survive that. The export at exit writes the trace first, and the memscope tool reads it.
/// </summary>
public class DotnetTestReportTests
{
    [Fact(Timeout = 600_000)]
    public async System.Threading.Tasks.Task A_plain_dotnet_test_of_a_woven_test_project_leaves_a_trace_that_memscope_check_reads()
    {
        string project = Directory.CreateTempSubdirectory("memscope-dotnet-test-").FullName;
        string root = TestEnvironment.RepositoryRoot;
        File.WriteAllText(Path.Combine(project, "WovenTests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{Path.Combine(root, "build", "WeaveInSolution.props")}" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsTestProject>true</IsTestProject>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "FodyWeavers.xml"), "<Weavers><MemScope /></Weavers>");
        File.WriteAllText(Path.Combine(project, "LeakTests.cs"), """
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
            """);

        // The weaver and the runtime are this build's own: referenced as built, not built again under the running tests.
        var test = await System.Threading.Tasks.Task.Run(() => TestEnvironment.Run("dotnet",
            $"test -c {TestEnvironment.Configuration} -p:BuildProjectReferences=false --nologo", project, new Dictionary<string, string>(), timeoutMs: 540_000));
        Assert.True(test.ExitCode == 0, test.Output + test.Error);

        string report = Path.Combine(project, "bin", TestEnvironment.Configuration, "net10.0", "MemoryAnalysis", "testhost");
        Assert.True(File.Exists(Path.Combine(report, "testhost.mscope")), string.Join(", ", Directory.Exists(report) ? Directory.GetFiles(report) : []));
        string cli = TestEnvironment.ProgramDll("MemScope.Cli", "MemScope.Cli");
        var check = TestEnvironment.Run("dotnet", $"\"{cli}\" check \"{report}\"", project);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("'journal'", check.Output);
        Assert.Contains("LeakTests.cs:11", check.Output);
    }
}
