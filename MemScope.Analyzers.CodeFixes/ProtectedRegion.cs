using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace MemScopeAnalyzers.CodeFixes;

/// <summary>
/// Rewrites a block so that the statements from a given one to the end of the block run inside
/// try/finally. Running to the end of the block keeps every local declared there in scope for its uses.
/// </summary>
internal static class ProtectedRegion
{
    /// <param name="block">The block that holds <paramref name="first"/>.</param>
    /// <param name="first">The first statement to protect, or the acquisition that stays before the try.</param>
    /// <param name="keepFirstOutside">Leave <paramref name="first"/> before the try (an allocation whose result the finally frees).</param>
    /// <param name="before">Statements inserted before the try.</param>
    /// <param name="tryPrologue">Statements that open the try body.</param>
    /// <param name="finallyBody">The finally block's statements.</param>
    /// <param name="dropped">Statements inside the protected region to remove (a release the finally now does).</param>
    public static BlockSyntax Wrap(
        BlockSyntax block,
        StatementSyntax first,
        bool keepFirstOutside,
        IEnumerable<StatementSyntax> before,
        IEnumerable<StatementSyntax> tryPrologue,
        IEnumerable<StatementSyntax> finallyBody,
        ISet<StatementSyntax> dropped)
    {
        var index = block.Statements.IndexOf(first);
        var head = block.Statements.Take(keepFirstOutside ? index + 1 : index).ToList();
        var protectedStatements = block.Statements.Skip(keepFirstOutside ? index + 1 : index).ToList();
        if (dropped.Count > 0)
        {
            protectedStatements = protectedStatements
                .Where(s => !dropped.Contains(s))
                .Select(s => s.RemoveNodes(s.DescendantNodes().OfType<StatementSyntax>().Where(dropped.Contains), SyntaxRemoveOptions.KeepNoTrivia) ?? s)
                .ToList();
        }

        var tryStatement = SyntaxFactory.TryStatement(
                SyntaxFactory.Block(tryPrologue.Select(Elastic).Concat(protectedStatements)),
                default,
                SyntaxFactory.FinallyClause(SyntaxFactory.Block(finallyBody.Select(Elastic))))
            .WithAdditionalAnnotations(Formatter.Annotation);

        var statements = head.Concat(before.Select(s => Elastic(s).WithAdditionalAnnotations(Formatter.Annotation))).Concat(new StatementSyntax[] { tryStatement });
        return block.WithStatements(SyntaxFactory.List(statements));
    }

    /// <summary>Generated statements get elastic trivia so the formatter lays them out one per line.</summary>
    private static StatementSyntax Elastic(StatementSyntax statement) =>
        statement.WithLeadingTrivia(SyntaxFactory.ElasticMarker).WithTrailingTrivia(SyntaxFactory.ElasticMarker);

    /// <summary>A name for a new local that nothing in scope at <paramref name="position"/> already uses.</summary>
    public static string FreshName(SemanticModel model, int position, string preferred)
    {
        var taken = new HashSet<string>(model.LookupSymbols(position).Select(s => s.Name));
        var name = preferred;
        for (var suffix = 1; taken.Contains(name); suffix++)
        {
            name = preferred + suffix;
        }

        return name;
    }
}
