using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MemScopeAnalyzers.Infrastructure;

/// <summary>Reads conditions and guard clauses for an upper bound on a size expression.</summary>
internal static class SizeBounds
{
    /// <summary>
    /// The constant upper bound that <paramref name="condition"/> guarantees for <paramref name="size"/> when it
    /// evaluates to <paramref name="whenTrue"/>, or null when it guarantees none.
    /// </summary>
    public static long? Implied(ExpressionSyntax condition, ExpressionSyntax size, bool whenTrue, SemanticModel model)
    {
        switch (condition)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Implied(parenthesized.Expression, size, whenTrue, model);
            case PrefixUnaryExpressionSyntax negation when negation.IsKind(SyntaxKind.LogicalNotExpression):
                return Implied(negation.Operand, size, !whenTrue, model);
            case BinaryExpressionSyntax conjunction when conjunction.IsKind(SyntaxKind.LogicalAndExpression) && whenTrue:
                return Implied(conjunction.Left, size, true, model) ?? Implied(conjunction.Right, size, true, model);
            case BinaryExpressionSyntax disjunction when disjunction.IsKind(SyntaxKind.LogicalOrExpression) && !whenTrue:
                return Implied(disjunction.Left, size, false, model) ?? Implied(disjunction.Right, size, false, model);
            case BinaryExpressionSyntax comparison:
                return FromComparison(comparison, size, whenTrue, model);
            default:
                return null;
        }
    }

    public static long? Constant(ExpressionSyntax expression, SemanticModel model)
    {
        var value = model.GetConstantValue(expression);
        if (!value.HasValue || value.Value == null)
        {
            return null;
        }

        try
        {
            return System.Convert.ToInt64(value.Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (System.Exception e) when (e is System.FormatException or System.InvalidCastException or System.OverflowException)
        {
            // A non-integral constant (a string, a huge ulong) is no bound.
            return null;
        }
    }

    public static bool SameExpression(ExpressionSyntax left, ExpressionSyntax right) =>
        SyntaxFactory.AreEquivalent(Strip(left), Strip(right));

    private static long? FromComparison(BinaryExpressionSyntax comparison, ExpressionSyntax size, bool whenTrue, SemanticModel model)
    {
        var kind = comparison.Kind();
        ExpressionSyntax other;
        if (SameExpression(comparison.Left, size))
        {
            other = comparison.Right;
        }
        else if (SameExpression(comparison.Right, size))
        {
            other = comparison.Left;
            kind = Mirror(kind);
        }
        else
        {
            return null;
        }

        // Normalised to `size OP bound`; the bound holds where the comparison says size is not above it.
        var bounded = whenTrue
            ? kind is SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression
            : kind is SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression;
        return bounded ? Constant(other, model) : null;
    }

    private static SyntaxKind Mirror(SyntaxKind kind) => kind switch
    {
        SyntaxKind.LessThanExpression => SyntaxKind.GreaterThanExpression,
        SyntaxKind.LessThanOrEqualExpression => SyntaxKind.GreaterThanOrEqualExpression,
        SyntaxKind.GreaterThanExpression => SyntaxKind.LessThanExpression,
        SyntaxKind.GreaterThanOrEqualExpression => SyntaxKind.LessThanOrEqualExpression,
        _ => kind,
    };

    private static ExpressionSyntax Strip(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    break;
                case CheckedExpressionSyntax @checked:
                    expression = @checked.Expression;
                    break;
                default:
                    return expression;
            }
        }
    }
}
