using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MemScopeAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemScopeAnalyzers.Analyzers;

/// <summary>MEM010: pointer code inside a [Tracked] member, reported once per member at its first pointer operation.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TrackedUnsafeCodeAnalyzer : DiagnosticAnalyzer
{
    // Every pointer construct either is one of these or involves an operand declared with a pointer type,
    // so these rare kinds are enough to find the members worth a look.
    private static readonly SyntaxKind[] Triggers =
    {
        SyntaxKind.PointerType, SyntaxKind.PointerIndirectionExpression, SyntaxKind.PointerMemberAccessExpression,
        SyntaxKind.AddressOfExpression, SyntaxKind.FixedStatement,
    };

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
                var examined = new ConcurrentDictionary<SyntaxNode, bool>();
                start.RegisterSyntaxNodeAction(c => AnalyzeTrigger(c, scope, examined), Triggers);
            }
        });
    }

    private static void AnalyzeTrigger(SyntaxNodeAnalysisContext context, TrackedScope scope, ConcurrentDictionary<SyntaxNode, bool> examined)
    {
        var member = context.Node.Ancestors().FirstOrDefault(a => a is AccessorDeclarationSyntax or BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax);
        if (member == null || !examined.TryAdd(member, true))
        {
            return;
        }

        var symbol = context.SemanticModel.GetDeclaredSymbol(member, context.CancellationToken);
        if (symbol == null || !scope.IsTracked(symbol))
        {
            return;
        }

        // The reported node is computed from the member, not taken from the trigger, so the result does not depend on callback order.
        var unsafeMember = member.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().Any(m => m.Modifiers.Any(SyntaxKind.UnsafeKeyword));
        var nodes = (unsafeMember
            ? member.DescendantNodes()
            : member.DescendantNodes().OfType<UnsafeStatementSyntax>().SelectMany(u => u.DescendantNodes())).ToList();

        var found = nodes.Select(n => (Node: n, What: DescribeBySyntax(n))).FirstOrDefault(f => f.What != null);
        if (found.What == null)
        {
            var pointers = PointerNames(member);
            if (pointers.Count > 0)
            {
                found = nodes.Select(n => (Node: n, What: DescribeByOperands(n, pointers))).FirstOrDefault(f => f.What != null);
            }
        }

        if (found.What != null)
        {
            var name = symbol is IMethodSymbol { AssociatedSymbol: { } property } ? property.Name : symbol.Name;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnsafeCodeInTrackedScope, found.Node.GetLocation(), name, found.What));
        }
    }

    private static string? DescribeBySyntax(SyntaxNode node) => node switch
    {
        PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.PointerIndirectionExpression) => "a pointer dereference",
        PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.AddressOfExpression) => "the address-of operator",
        MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.PointerMemberAccessExpression) => "a pointer member access",
        FixedStatementSyntax => "a fixed statement",
        _ => null,
    };

    private static string? DescribeByOperands(SyntaxNode node, ISet<string> pointers) => node switch
    {
        ElementAccessExpressionSyntax access when NamesPointer(access.Expression, pointers) => "pointer indexing",
        BinaryExpressionSyntax binary when (binary.IsKind(SyntaxKind.AddExpression) || binary.IsKind(SyntaxKind.SubtractExpression)) &&
                                            (NamesPointer(binary.Left, pointers) || NamesPointer(binary.Right, pointers)) => "pointer arithmetic",
        _ => null,
    };

    private static bool NamesPointer(ExpressionSyntax expression, ISet<string> pointers) => expression switch
    {
        IdentifierNameSyntax identifier => pointers.Contains(identifier.Identifier.ValueText),
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var name } => pointers.Contains(name.Identifier.ValueText),
        ParenthesizedExpressionSyntax parenthesized => NamesPointer(parenthesized.Expression, pointers),
        _ => false,
    };

    /// <summary>Parameters, locals and fields declared with a pointer type where the code block can see them.</summary>
    private static HashSet<string> PointerNames(SyntaxNode member)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        var type = member.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        foreach (var parameter in member.DescendantNodes().OfType<ParameterSyntax>().Where(p => p.Type is PointerTypeSyntax))
        {
            names.Add(parameter.Identifier.ValueText);
        }

        foreach (var declaration in member.DescendantNodes().OfType<VariableDeclarationSyntax>().Where(d => d.Type is PointerTypeSyntax))
        {
            names.UnionWith(declaration.Variables.Select(v => v.Identifier.ValueText));
        }

        if (type != null)
        {
            foreach (var field in type.Members.OfType<FieldDeclarationSyntax>().Where(f => f.Declaration.Type is PointerTypeSyntax))
            {
                names.UnionWith(field.Declaration.Variables.Select(v => v.Identifier.ValueText));
            }
        }

        return names;
    }
}
