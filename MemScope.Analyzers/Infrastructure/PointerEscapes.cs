using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace MemScopeAnalyzers.Infrastructure;

/// <summary>A place where a pinned pointer leaves the region in which the pin holds.</summary>
internal readonly struct PointerEscape
{
    public PointerEscape(IOperation at, string pointer, string how)
    {
        At = at;
        Pointer = pointer;
        How = how;
    }

    public IOperation At { get; }

    public string Pointer { get; }

    public string How { get; }
}

/// <summary>
/// Follows pointers derived from a pin through locals inside <c>scope</c> and finds where they outlive it:
/// a field or property store, a return, a capture, or a store to a variable declared outside <c>pinSpan</c>.
/// </summary>
internal static class PointerEscapes
{
    public static IEnumerable<PointerEscape> Find(IOperation scope, IEnumerable<ILocalSymbol> pinned, TextSpan pinSpan)
    {
        var aliases = new HashSet<ILocalSymbol>(pinned, SymbolEqualityComparer.Default);
        bool IsAlias(IOperation operation) => operation is ILocalReferenceOperation local && aliases.Contains(local.Local);

        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var operation in scope.DescendantsAndSelf())
            {
                var (target, value) = operation switch
                {
                    IVariableDeclaratorOperation declarator => (declarator.Symbol, declarator.Initializer?.Value),
                    ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when IsInside(local.Local, pinSpan) => (local.Local, assignment.Value),
                    _ => (null, null),
                };
                if (target != null && value != null && ValueFlow.IsPointerLike(target.Type) && !aliases.Contains(target) && ValueFlow.DerivesFrom(value, IsAlias))
                {
                    aliases.Add(target);
                    changed = true;
                }
            }
        }

        foreach (var reference in scope.Descendants().OfType<ILocalReferenceOperation>().Where(IsAlias))
        {
            var how = Captured(scope, reference) ?? Escape(reference, pinSpan);
            if (how != null)
            {
                yield return new PointerEscape(how.StartsWith("captured", System.StringComparison.Ordinal) ? reference : ValueFlow.Outermost(reference), reference.Local.Name, how);
            }
        }
    }

    private static string? Captured(IOperation scope, ILocalReferenceOperation reference)
    {
        for (var parent = reference.Parent; parent != null && parent != scope; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return "captured by a " + (parent is ILocalFunctionOperation ? "local function" : "lambda");
            }
        }

        return null;
    }

    private static string? Escape(ILocalReferenceOperation reference, TextSpan pinSpan)
    {
        var value = ValueFlow.Outermost(reference);
        if (!ValueFlow.IsPointerLike(value.Type))
        {
            return null;
        }

        switch (value.Parent)
        {
            case IReturnOperation { Kind: OperationKind.Return }:
                return "returned";
            case ISimpleAssignmentOperation assignment when assignment.Value == value:
                return assignment.Target switch
                {
                    IFieldReferenceOperation field => "stored to field '" + field.Field.Name + "'",
                    IPropertyReferenceOperation property => "stored to property '" + property.Property.Name + "'",
                    IParameterReferenceOperation parameter when parameter.Parameter.RefKind != RefKind.None => "stored to parameter '" + parameter.Parameter.Name + "'",
                    IArrayElementReferenceOperation => "stored in an array",
                    ILocalReferenceOperation local when !IsInside(local.Local, pinSpan) => "stored to '" + local.Local.Name + "', declared outside the pinned region",
                    _ => null,
                };
            default:
                return null;
        }
    }

    private static bool IsInside(ILocalSymbol local, TextSpan span) =>
        local.DeclaringSyntaxReferences.Any(r => span.Contains(r.Span));
}
