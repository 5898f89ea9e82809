using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MemScopeTestShared;
using Xunit;

namespace MemScopeRuntimeTests;

/// <summary>
/// The accuracy corpus (Tests/MemScope.Corpus): planted bugs and clean look-alikes, each case run in its own process,
/// in the tests' configuration and in the other one (Debug and Release). Every planted problem must be found with its
/// kind, variable and line, and nothing else: a clean case has no finding at all.
/// </summary>
public class AccuracyCorpusTests : IClassFixture<AccuracyCorpusTests.CorpusRuns>
{
    private const string Folder = "Tests/MemScope.Corpus";
    private const string Program = "MemScope.Corpus";

    private readonly CorpusRuns _runs;

    public AccuracyCorpusTests(CorpusRuns runs) => _runs = runs;

    public static TheoryData<string> Cases() => new(CaseFiles().Select(Path.GetFileNameWithoutExtension)!);

    private static IEnumerable<string> CaseFiles() =>
        Directory.GetFiles(Path.Combine(TestEnvironment.RepositoryRoot, Folder, "Cases"), "*.cs").Order();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_case_reports_exactly_its_planted_problems_in_both_configurations(string name)
    {
        var expected = SampleFindingsTests.PlantedIn(CaseFiles().Where(f => Path.GetFileNameWithoutExtension(f) == name)).Order().ToList();
        if (name.StartsWith("Clean"))
            Assert.Empty(expected);
        else
            Assert.NotEmpty(expected);

        foreach (var configuration in new[] { TestEnvironment.Configuration, TestEnvironment.OtherConfiguration })
            Assert.Equal(expected.Select(f => $"{configuration}: {f}"), _runs.Findings(configuration, name).Order().Select(f => $"{configuration}: {f}"));
    }

    /// <summary>Every case in both configurations, each in its own process, two at a time.</summary>
    public sealed class CorpusRuns
    {
        private readonly Dictionary<(string Configuration, string Case), string> _reports = new();

        public CorpusRuns()
        {
            TestEnvironment.BuildProgram(Folder, Program, TestEnvironment.OtherConfiguration);
            string output = Directory.CreateTempSubdirectory("memscope-corpus-").FullName;
            var runs = new[] { TestEnvironment.Configuration, TestEnvironment.OtherConfiguration }
                .SelectMany(configuration => CaseFiles().Select(file => (Configuration: configuration, Case: Path.GetFileNameWithoutExtension(file))))
                .ToList();
            Parallel.ForEach(runs, new ParallelOptions { MaxDegreeOfParallelism = 2 }, run =>
            {
                string reports = Path.Combine(output, run.Configuration);
                var environment = new Dictionary<string, string> { ["MEMSCOPE_OUTPUT"] = reports, ["MEMSCOPE_NAME"] = run.Case, ["MEMSCOPE_EXPORT"] = "json" };
                var (exitCode, _, error) = TestEnvironment.Run("dotnet", $"\"{TestEnvironment.ProgramDll(Folder, Program, run.Configuration)}\" {run.Case}", output, environment, timeoutMs: 60_000);
                Assert.True(exitCode == 0, $"{run.Case} ({run.Configuration}) exited with {exitCode}: {error}");
                lock (_reports)
                    _reports[run] = Path.Combine(reports, run.Case);
            });
        }

        public IEnumerable<string> Findings(string configuration, string name) =>
            SampleFindingsTests.Runs.FindingsOf(_reports[(configuration, name)], name);
    }
}
