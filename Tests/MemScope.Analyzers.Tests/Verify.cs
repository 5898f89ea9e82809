using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MemScopeAnalyzers.Tests
{
    /// <summary>Runs one analyzer over C# source whose expected diagnostics are marked inline, e.g. <c>{|MEM002:...|}</c>.</summary>
    internal static class Verify<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) => AnalyzerAsync(source, editorConfig: null, expected);

        public static Task AnalyzerAsync(string source, string? editorConfig, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerTest { TestCode = source };
            if (editorConfig != null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);

        private sealed class AnalyzerTest : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            public AnalyzerTest()
            {
                ReferenceAssemblies = TestEnvironment.NoPackages;
                TestEnvironment.Configure(TestState);
                SolutionTransforms.Add(TestEnvironment.AllowUnsafe);
            }
        }
    }

    /// <summary>Runs an analyzer and its code fix; the fix must produce <c>fixedSource</c> one at a time and through fix-all.</summary>
    internal static class VerifyFix<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public static Task CodeFixAsync(string source, string fixedSource, string? equivalenceKey = null, int? iterations = null)
        {
            var test = new CodeFixTest { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
            TestEnvironment.Configure(test.TestState);
            TestEnvironment.Configure(test.FixedState);
            if (iterations.HasValue)
            {
                test.NumberOfIncrementalIterations = iterations.Value;
                test.NumberOfFixAllIterations = 1;
            }

            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Several documents of one project, fixed together (fix-all in project and solution scope).</summary>
        public static Task CodeFixAsync(string[] sources, string[] fixedSources, string? equivalenceKey = null)
        {
            var test = new CodeFixTest { CodeActionEquivalenceKey = equivalenceKey };
            for (var i = 0; i < sources.Length; i++)
            {
                test.TestState.Sources.Add(("/0/Source" + i + ".cs", sources[i]));
                test.FixedState.Sources.Add(("/0/Source" + i + ".cs", fixedSources[i]));
            }

            TestEnvironment.Configure(test.TestState);
            TestEnvironment.Configure(test.FixedState);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>The fix is not offered: the source stays as it is while its diagnostics remain.</summary>
        public static Task NoCodeFixAsync(string source)
        {
            var test = new CodeFixTest { TestCode = source, FixedCode = source };
            TestEnvironment.Configure(test.TestState);
            TestEnvironment.Configure(test.FixedState);
            return test.RunAsync(CancellationToken.None);
        }

        // Sources are added after the test code so that the test and fixed states list documents in the same order.
        private sealed class CodeFixTest : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            public CodeFixTest()
            {
                ReferenceAssemblies = TestEnvironment.NoPackages;
                SolutionTransforms.Add(TestEnvironment.AllowUnsafe);
            }
        }
    }
}
