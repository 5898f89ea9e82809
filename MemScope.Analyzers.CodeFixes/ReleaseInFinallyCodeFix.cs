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

/// <summary>
/// MEM002–MEM004: keep the acquisition, run the rest of the block in try, release in finally.
/// Offered only when the value is merely used (never returned, stored or given away) in the rest of the
/// block, so freeing it at the end cannot free memory someone else owns.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReleaseInFinallyCodeFix)), Shared]
public sealed class ReleaseInFinallyCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIds.NativeMemoryNotFreed, RuleIds.PinnedHandleNotFreed, RuleIds.PooledArrayNotReturned);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root == null || model == null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var invocation = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
            var plan = invocation == null ? null : Plan(invocation, model, context.CancellationToken);
            if (plan == null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Release '" + plan.Owner.Name + "' in a finally block",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(plan.Block, plan.Apply()))),
                    nameof(ReleaseInFinallyCodeFix)),
                diagnostic);
        }
    }

    private static FixPlan? Plan(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        var statement = invocation.FirstAncestorOrSelf<StatementSyntax>();
        if (statement?.Parent is not BlockSyntax block || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol acquire)
        {
            return null;
        }

        var owner = OwnerOf(statement, invocation, model, cancellationToken);
        var release = owner == null ? null : ReleaseStatement(acquire, invocation, owner.Name);
        if (owner == null || release == null)
        {
            return null;
        }

        var rest = block.Statements.Skip(block.Statements.IndexOf(statement) + 1).ToList();
        var dropped = new HashSet<StatementSyntax>();
        foreach (var reference in rest.SelectMany(s => s.DescendantNodes()).OfType<IdentifierNameSyntax>()
                     .Where(i => i.Identifier.ValueText == owner.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i, cancellationToken).Symbol, owner)))
        {
            var use = Classify(reference, acquire, model, cancellationToken);
            if (use == Use.GivenAway)
            {
                return null;
            }

            if (use == Use.Released)
            {
                var releaseStatement = reference.FirstAncestorOrSelf<ExpressionStatementSyntax>();
                if (releaseStatement?.Parent is not BlockSyntax)
                {
                    return null;
                }

                dropped.Add(releaseStatement);
            }
        }

        return new FixPlan(block, statement, owner, release, dropped);
    }

    private static ILocalSymbol? OwnerOf(StatementSyntax statement, InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (statement)
        {
            case LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0, Declaration.Variables.Count: 1 } declaration
                when declaration.Declaration.Variables[0].Initializer?.Value is { } value && Unwrap(value) == invocation:
                return model.GetDeclaredSymbol(declaration.Declaration.Variables[0], cancellationToken) as ILocalSymbol;
            case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment }
                when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && Unwrap(assignment.Right) == invocation:
                return model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol as ILocalSymbol;
            default:
                return null;
        }
    }

    private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
    {
        while (expression is CastExpressionSyntax or ParenthesizedExpressionSyntax)
        {
            expression = expression is CastExpressionSyntax cast ? cast.Expression : ((ParenthesizedExpressionSyntax)expression).Expression;
        }

        return expression;
    }

    private enum Use
    {
        Borrowed,
        Released,
        GivenAway,
    }

    /// <summary>Reads, indexing, member calls and arguments to calls borrow; anything else may hand the value on.</summary>
    private static Use Classify(IdentifierNameSyntax reference, IMethodSymbol acquire, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode node = reference;
        while (node.Parent is CastExpressionSyntax or ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        switch (node.Parent)
        {
            case MemberAccessExpressionSyntax access when access.Expression == node:
                return access.Name.Identifier.ValueText == "Free" && access.Parent is InvocationExpressionSyntax ? Use.Released : Use.Borrowed;
            case ElementAccessExpressionSyntax access when access.Expression == node:
            case BinaryExpressionSyntax:
            case ConditionalAccessExpressionSyntax:
                return Use.Borrowed;
            case ArgumentSyntax { RefKindKeyword.RawKind: 0, Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }:
                return IsRelease(call, acquire, model, cancellationToken) ? Use.Released : Use.Borrowed;
            case ArgumentSyntax { RefKindKeyword.RawKind: 0, Parent: ArgumentListSyntax { Parent: ObjectCreationExpressionSyntax creation } }
                when model.GetTypeInfo(creation, cancellationToken).Type?.IsRefLikeType == true:
                return Use.Borrowed;
            default:
                return Use.GivenAway;
        }
    }

    private static bool IsRelease(InvocationExpressionSyntax call, IMethodSymbol acquire, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol method &&
        (method.ContainingType.OriginalDefinition.Equals(acquire.ContainingType.OriginalDefinition, SymbolEqualityComparer.Default) ||
         method.ContainingType.Name is "Marshal" or "NativeMemory") &&
        method.Name is "FreeHGlobal" or "FreeCoTaskMem" or "Free" or "AlignedFree" or "Return";

    /// <summary>The call that undoes <paramref name="acquire"/>, written against the same receiver the acquisition used.</summary>
    private static StatementSyntax? ReleaseStatement(IMethodSymbol acquire, InvocationExpressionSyntax invocation, string owner)
    {
        if (acquire.ContainingType.Name == "GCHandle")
        {
            return Statement(owner + ".Free()");
        }

        if (invocation.Expression is not MemberAccessExpressionSyntax access || !IsPlainReceiver(access.Expression))
        {
            return null;
        }

        var receiver = access.Expression.ToString();
        var free = acquire.Name switch
        {
            "AllocHGlobal" or "ReAllocHGlobal" => "FreeHGlobal",
            "AllocCoTaskMem" or "ReAllocCoTaskMem" => "FreeCoTaskMem",
            "Alloc" or "AllocZeroed" or "Realloc" => "Free",
            "AlignedAlloc" or "AlignedRealloc" => "AlignedFree",
            "Rent" => "Return",
            _ => null,
        };
        return free == null ? null : Statement(receiver + "." + free + "(" + owner + ")");
    }

    // Re-evaluating the receiver in finally is only safe when it is a name, not a call with side effects.
    private static bool IsPlainReceiver(ExpressionSyntax receiver) => receiver switch
    {
        IdentifierNameSyntax or GenericNameSyntax or PredefinedTypeSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax member => IsPlainReceiver(member.Expression),
        AliasQualifiedNameSyntax or QualifiedNameSyntax => true,
        _ => false,
    };

    private static StatementSyntax Statement(string code) => SyntaxFactory.ParseStatement(code + ";");

    private sealed class FixPlan
    {
        private readonly StatementSyntax acquisition;
        private readonly StatementSyntax release;
        private readonly HashSet<StatementSyntax> dropped;

        public FixPlan(BlockSyntax block, StatementSyntax acquisition, ILocalSymbol owner, StatementSyntax release, HashSet<StatementSyntax> dropped)
        {
            Block = block;
            this.acquisition = acquisition;
            Owner = owner;
            this.release = release;
            this.dropped = dropped;
        }

        public BlockSyntax Block { get; }

        public ILocalSymbol Owner { get; }

        public BlockSyntax Apply() =>
            ProtectedRegion.Wrap(Block, acquisition, keepFirstOutside: true, System.Array.Empty<StatementSyntax>(), System.Array.Empty<StatementSyntax>(), new[] { release }, dropped);
    }
}
