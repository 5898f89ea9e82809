using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MemScopeAnalyzers.Tests
{
    /// <summary>Guards against false positives: correct interop and unsafe code must draw no MemScope diagnostic at all, not even Info.</summary>
    public class ValidCodeTests
    {
        // The LibraryImport generator writes these bodies in a real build; here it does not run.
        private const string PartialWithoutImplementation = "CS8795";

        private static readonly string CorpusDirectory = Path.Combine(AppContext.BaseDirectory, "ValidCode");

        [Fact]
        public void ValidCode_corpus_is_present_and_compiles()
        {
            var sources = CorpusCompilation.ReadDirectory(CorpusDirectory);
            Assert.True(sources.Length >= 8, "expected the ValidCode sources beside the test assembly, found " + sources.Length);

            var errors = CorpusCompilation.Compile(sources).GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != PartialWithoutImplementation)
                .ToList();
            Assert.Empty(errors);
        }

        [Fact]
        public async Task ValidCode_corpus_produces_zero_MemScope_diagnostics()
        {
            var compilation = CorpusCompilation.Compile(CorpusCompilation.ReadDirectory(CorpusDirectory));

            var diagnostics = await CorpusCompilation.MemScopeDiagnosticsAsync(compilation);

            Assert.True(diagnostics.IsEmpty, "unexpected diagnostics:\n" + string.Join("\n", diagnostics));
        }

        [Fact]
        public async Task The_same_harness_reports_every_rule_on_code_that_breaks_them()
        {
            // Without this, an analyzer that silently stopped running would make the corpus test pass.
            var compilation = CorpusCompilation.Compile(("Bad.cs", BadCode.Source), ("Attributes.cs", TestEnvironment.AttributesSource));

            var ids = (await CorpusCompilation.MemScopeDiagnosticsAsync(compilation)).Select(d => d.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal);

            Assert.Equal(BadCode.ExpectedIds, ids);
        }
    }
}
