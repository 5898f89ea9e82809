using System.Collections.Immutable;
using System.Linq;
using MemScopeAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemScopeAnalyzers.Analyzers;

/// <summary>MEM006: stackalloc must be a small constant or a size checked against a small constant first.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StackAllocAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The .editorconfig key that sets the largest stack allocation, in bytes, treated as small.</summary>
    public const string MaxBytesOption = "memscope.stackalloc_max_bytes";

    public const long DefaultMaxBytes = 1024;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnboundedStackAlloc);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();

        // stackalloc has no public operation shape, so it is inspected as syntax with the semantic model's help.
        context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.StackAllocArrayCreationExpression);
    }

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var creation = (StackAllocArrayCreationExpressionSyntax)context.Node;
        if (creation.Type is not ArrayTypeSyntax arrayType || arrayType.RankSpecifiers.Count == 0 ||
            arrayType.RankSpecifiers[0].Sizes.FirstOrDefault() is not { } size || size is OmittedArraySizeExpressionSyntax)
        {
            return;
        }

        var model = context.SemanticModel;
        var elementType = model.GetTypeInfo(arrayType.ElementType, context.CancellationToken).Type;
        var elementBytes = ElementSizes.Of(elementType);
        var maxElements = MaxBytes(context) / elementBytes;

        var constant = SizeBounds.Constant(size, model);
        var bound = constant ?? BoundOf(size, creation, model);
        if (bound.HasValue && bound.Value <= maxElements)
        {
            return;
        }

        var member = model.GetEnclosingSymbol(creation.SpanStart, context.CancellationToken);
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnboundedStackAlloc, creation.GetLocation(),
            elementType?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? arrayType.ElementType.ToString(),
            member?.Name ?? "?", size.ToString()));
    }

    private static long MaxBytes(SyntaxNodeAnalysisContext context)
    {
        var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.Node.SyntaxTree);
        return options.TryGetValue(MaxBytesOption, out var text) && long.TryParse(text, out var value) && value > 0 ? value : DefaultMaxBytes;
    }

    /// <summary>The tightest constant bound that a Math.Min, an enclosing condition or a preceding guard puts on the size.</summary>
    private static long? BoundOf(ExpressionSyntax size, SyntaxNode creation, SemanticModel model)
    {
        if (size is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 2 } call && model.GetSymbolInfo(call).Symbol is IMethodSymbol { Name: "Min", ContainingType.Name: "Math" })
        {
            var bounds = call.ArgumentList.Arguments.Select(a => SizeBounds.Constant(a.Expression, model)).Where(b => b.HasValue).ToList();
            if (bounds.Count > 0)
            {
                return bounds.Min();
            }
        }

        SyntaxNode child = creation;
        for (var node = creation.Parent; node != null && node is not MemberDeclarationSyntax && node is not AnonymousFunctionExpressionSyntax && node is not LocalFunctionStatementSyntax; child = node, node = node.Parent)
        {
            var bound = node switch
            {
                ConditionalExpressionSyntax conditional when child != conditional.Condition =>
                    SizeBounds.Implied(conditional.Condition, size, child == conditional.WhenTrue, model),
                IfStatementSyntax @if when child != @if.Condition =>
                    SizeBounds.Implied(@if.Condition, size, child == @if.Statement, model),
                ElseClauseSyntax { Parent: IfStatementSyntax @if } =>
                    SizeBounds.Implied(@if.Condition, size, false, model),
                BlockSyntax block => GuardBefore(block, (StatementSyntax)child, size, model),
                _ => null,
            };
            if (bound.HasValue)
            {
                return bound;
            }
        }

        return null;
    }

    /// <summary>A guard clause earlier in the block: `if (size &gt; N) throw/return;` or ArgumentOutOfRangeException.ThrowIfGreaterThan(size, N).</summary>
    private static long? GuardBefore(BlockSyntax block, StatementSyntax statement, ExpressionSyntax size, SemanticModel model)
    {
        foreach (var previous in block.Statements.TakeWhile(s => s != statement))
        {
            long? bound = previous switch
            {
                IfStatementSyntax { Else: null } guard when AlwaysExits(guard.Statement) => SizeBounds.Implied(guard.Condition, size, false, model),
                ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call } => ThrowHelperBound(call, size, model),
                _ => null,
            };
            if (bound.HasValue)
            {
                return bound;
            }
        }

        return null;
    }

    private static long? ThrowHelperBound(InvocationExpressionSyntax call, ExpressionSyntax size, SemanticModel model)
    {
        if (call.ArgumentList.Arguments.Count < 2 || !SizeBounds.SameExpression(call.ArgumentList.Arguments[0].Expression, size) ||
            model.GetSymbolInfo(call).Symbol is not IMethodSymbol { Name: "ThrowIfGreaterThan" or "ThrowIfGreaterThanOrEqual" } method ||
            method.ContainingType.Name != "ArgumentOutOfRangeException")
        {
            return null;
        }

        return SizeBounds.Constant(call.ArgumentList.Arguments[1].Expression, model);
    }

    private static bool AlwaysExits(StatementSyntax statement) => statement switch
    {
        ThrowStatementSyntax or ReturnStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax => true,
        ExpressionStatementSyntax { Expression: ThrowExpressionSyntax } => true,
        BlockSyntax block => block.Statements.LastOrDefault() is { } last && AlwaysExits(last),
        _ => false,
    };
}
