using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemScopeAnalyzers.Tests
{
    /// <summary>Compiles whole source sets with every MemScope analyzer attached and reports what they find.</summary>
    internal static class CorpusCompilation
    {
        public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = typeof(RuleIds).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        public static CSharpCompilation Compile(params (string Path, string Text)[] sources)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, s.Path)).ToList();
            return CSharpCompilation.Create(
                "Corpus",
                trees,
                TestEnvironment.References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
        }

        public static async Task<ImmutableArray<Diagnostic>> MemScopeDiagnosticsAsync(Compilation compilation)
        {
            var withAnalyzers = compilation.WithAnalyzers(AllAnalyzers);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
            return diagnostics.Where(d => d.Id.StartsWith("MEM", StringComparison.Ordinal)).ToImmutableArray();
        }

        public static (string Path, string Text)[] ReadDirectory(string directory) =>
            Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (p, File.ReadAllText(p)))
                .ToArray();
    }
}
