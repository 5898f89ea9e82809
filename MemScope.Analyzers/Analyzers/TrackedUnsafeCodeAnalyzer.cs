using System.Collections.Immutable;
using System.Linq;
using MemScopeAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemScopeAnalyzers.Analyzers
{
    /// <summary>MEM010: pointer code inside a [Tracked] member, reported once per member at its first pointer operation.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TrackedUnsafeCodeAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnsafeCodeInTrackedScope);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var scope = TrackedScope.From(KnownSymbols.From(start.Compilation));
                if (scope != null)
                {
                    start.RegisterCodeBlockAction(c => AnalyzeCodeBlock(c, scope));
                }
            });
        }

        private static void AnalyzeCodeBlock(CodeBlockAnalysisContext context, TrackedScope scope)
        {
            if (context.OwningSymbol is not IMethodSymbol method || !scope.IsTracked(method))
            {
                return;
            }

            foreach (var node in context.CodeBlock.DescendantNodes())
            {
                var what = Describe(node, context.SemanticModel);
                if (what != null)
                {
                    var name = method.AssociatedSymbol?.Name ?? method.Name;
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnsafeCodeInTrackedScope, node.GetLocation(), name, what));
                    return;
                }
            }
        }

        private static string? Describe(SyntaxNode node, SemanticModel model) => node switch
        {
            PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.PointerIndirectionExpression) => "a pointer dereference",
            PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.AddressOfExpression) => "the address-of operator",
            MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.PointerMemberAccessExpression) => "a pointer member access",
            FixedStatementSyntax => "a fixed statement",
            ElementAccessExpressionSyntax access when IsPointer(access.Expression, model) => "pointer indexing",
            BinaryExpressionSyntax binary when (binary.IsKind(SyntaxKind.AddExpression) || binary.IsKind(SyntaxKind.SubtractExpression)) &&
                                                (IsPointer(binary.Left, model) || IsPointer(binary.Right, model)) => "pointer arithmetic",
            _ => null,
        };

        private static bool IsPointer(ExpressionSyntax expression, SemanticModel model) =>
            model.GetTypeInfo(expression).Type?.TypeKind == TypeKind.Pointer;
    }
}
