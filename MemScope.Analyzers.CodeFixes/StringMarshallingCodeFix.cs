using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MemScopeAnalyzers.CodeFixes;

/// <summary>
/// MEM009: state the string encoding. UTF-16 is what managed strings are; the alternative keeps
/// DllImport's current ANSI behaviour (or UTF-8 for LibraryImport) for native APIs that expect it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StringMarshallingCodeFix)), Shared]
public sealed class StringMarshallingCodeFix : CodeFixProvider
{
    public const string Utf16Key = nameof(StringMarshallingCodeFix) + ".Utf16";
    public const string NarrowKey = nameof(StringMarshallingCodeFix) + ".Narrow";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ImplicitStringMarshalling);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var method = root?.FindNode(context.Span).FirstAncestorOrSelf<MethodDeclarationSyntax>();
        var attribute = method == null || model == null ? null : PInvokeAttributes.Find(method, model, context.CancellationToken);
        if (root == null || model == null || attribute == null)
        {
            return;
        }

        var diagnostic = context.Diagnostics.First();
        if (PInvokeAttributes.IsLibraryImport(attribute, model, context.CancellationToken))
        {
            Register(context, root, attribute, "StringMarshalling", "StringMarshalling", "Utf16", Utf16Key, diagnostic);
            Register(context, root, attribute, "StringMarshalling", "StringMarshalling", "Utf8", NarrowKey, diagnostic);
        }
        else
        {
            Register(context, root, attribute, "CharSet", "CharSet", "Unicode", Utf16Key, diagnostic);
            Register(context, root, attribute, "CharSet", "CharSet", "Ansi", NarrowKey, diagnostic);
        }
    }

    private static void Register(CodeFixContext context, SyntaxNode root, AttributeSyntax attribute, string argument, string enumName, string member, string key, Diagnostic diagnostic)
    {
        var title = "Marshal strings explicitly: " + argument + " = " + enumName + "." + member;
        context.RegisterCodeFix(
            CodeAction.Create(title, _ => Task.FromResult(Apply(context.Document, root, attribute, argument, enumName, member)), key),
            diagnostic);
    }

    private static Document Apply(Document document, SyntaxNode root, AttributeSyntax attribute, string argument, string enumName, string member) =>
        document.WithSyntaxRoot(root.ReplaceNode(attribute, PInvokeAttributes.WithNamedArgument(attribute, argument, PInvokeAttributes.InteropEnumMember(enumName, member))));
}
