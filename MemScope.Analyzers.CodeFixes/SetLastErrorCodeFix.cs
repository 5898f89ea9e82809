using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MemScopeAnalyzers.CodeFixes;

/// <summary>MEM008: declare the P/Invoke with SetLastError = true so the read error is the P/Invoke's own.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SetLastErrorCodeFix)), Shared]
public sealed class SetLastErrorCodeFix : CodeFixProvider
{
    private const string Title = "Declare the P/Invoke with SetLastError = true";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.LastErrorWithoutSetLastError);

    // Several reads may blame one declaration, so fix-all edits each declaration once per document.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
        await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            // The fix edits the declaration, which must be in the same document as the read.
            if (diagnostic.AdditionalLocations.Count == 1 && diagnostic.AdditionalLocations[0].SourceTree == diagnostic.Location.SourceTree)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, c => FixAsync(context.Document, ImmutableArray.Create(diagnostic), c), nameof(SetLastErrorCodeFix)),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root == null || model == null)
        {
            return document;
        }

        var attributes = new HashSet<AttributeSyntax>();
        foreach (var diagnostic in diagnostics.Where(d => d.AdditionalLocations.Count == 1 && d.AdditionalLocations[0].SourceTree == root.SyntaxTree))
        {
            var method = root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>();
            var attribute = method == null ? null : PInvokeAttributes.Find(method, model, cancellationToken);
            if (attribute != null)
            {
                attributes.Add(attribute);
            }
        }

        var literalTrue = SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression);
        var newRoot = root.ReplaceNodes(attributes, (original, _) => PInvokeAttributes.WithNamedArgument(original, "SetLastError", literalTrue));
        return document.WithSyntaxRoot(newRoot);
    }
}
