using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MemScopeAnalyzers.CodeFixes;

/// <summary>MEM007: hold a reference on the SafeHandle from the raw read to the end of the block, released in finally.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DangerousAddRefCodeFix)), Shared]
public sealed class DangerousAddRefCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.DangerousGetHandleUnguarded);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var invocation = root?.FindNode(context.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
        if (root == null || model == null || invocation?.Expression is not MemberAccessExpressionSyntax { Expression: var receiver } ||
            !IsStableReceiver(receiver) || invocation.FirstAncestorOrSelf<StatementSyntax>() is not { Parent: BlockSyntax block } statement)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Guard with DangerousAddRef/DangerousRelease",
                _ =>
                {
                    var flag = ProtectedRegion.FreshName(model, statement.SpanStart, "addedRef");
                    var handle = receiver.WithoutTrivia().ToString();
                    var newBlock = ProtectedRegion.Wrap(
                        block,
                        statement,
                        keepFirstOutside: false,
                        new[] { SyntaxFactory.ParseStatement("bool " + flag + " = false;") },
                        new[] { SyntaxFactory.ParseStatement(handle + ".DangerousAddRef(ref " + flag + ");") },
                        new[] { SyntaxFactory.ParseStatement("if (" + flag + ")\n{\n" + handle + ".DangerousRelease();\n}") },
                        new HashSet<StatementSyntax>());
                    return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(block, newBlock)));
                },
                nameof(DangerousAddRefCodeFix)),
            context.Diagnostics.First());
    }

    // The receiver is evaluated three times after the fix; only a variable or field read is safe to repeat.
    private static bool IsStableReceiver(ExpressionSyntax receiver) => receiver switch
    {
        IdentifierNameSyntax => true,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or IdentifierNameSyntax } => true,
        _ => false,
    };
}
