using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace MemScopeAnalyzers.Tests
{
    /// <summary>The analyzer loads in the SDK's real compiler and its ids reach the build output.</summary>
    public sealed class RealBuildTests : IDisposable
    {
        private readonly DirectoryInfo _project = Directory.CreateTempSubdirectory("memscope-analyzer-build-");

        [Fact]
        public void Dotnet_build_of_a_project_with_the_analyzer_reports_every_MemScope_rule()
        {
            var analyzer = typeof(RuleIds).Assembly.Location;
            File.WriteAllText(Path.Combine(_project.FullName, "Bad.csproj"), $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <TargetFramework>net{Environment.Version.Major}.0</TargetFramework>
    <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <Analyzer Include=""{analyzer}"" />
  </ItemGroup>
</Project>");

            // Info rules do not reach the console; raising them here also proves .editorconfig severities apply.
            File.WriteAllText(Path.Combine(_project.FullName, ".editorconfig"),
                "root = true\n\n[*.cs]\ndotnet_diagnostic.MEM001.severity = warning\ndotnet_diagnostic.MEM010.severity = warning\n");
            File.WriteAllText(Path.Combine(_project.FullName, "Bad.cs"), BadCode.Source);
            File.WriteAllText(Path.Combine(_project.FullName, "Attributes.cs"), TestEnvironment.AttributesSource);

            var (exitCode, output) = Run("dotnet", "build -nologo -nodeReuse:false -p:UseSharedCompilation=false -clp:NoSummary", _project.FullName, TimeSpan.FromMinutes(4));

            Assert.True(exitCode == 0, "build failed:\n" + output);
            var reported = Regex.Matches(output, @"warning (MEM\d{3})").Select(m => m.Groups[1].Value).Distinct().OrderBy(i => i, StringComparer.Ordinal);
            Assert.Equal(BadCode.ExpectedIds, reported);
        }

        public void Dispose()
        {
            try
            {
                _project.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp directory is harmless; failing the test over it would hide the real result.
            }
        }

        private static (int ExitCode, string Output) Run(string fileName, string arguments, string workingDirectory, TimeSpan timeout)
        {
            var start = new ProcessStartInfo(fileName, arguments)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("dotnet build did not finish in " + timeout + ":\n" + output);
            }

            process.WaitForExit();
            lock (output)
            {
                return (process.ExitCode, output.ToString());
            }
        }
    }
}
