using System.Linq;
using Microsoft.CodeAnalysis;

namespace MemScopeAnalyzers.Infrastructure;

/// <summary>Resolves whether code is inside a [Tracked] scope the way the weaver does: the nearest attribute wins.</summary>
internal sealed class TrackedScope
{
    private readonly INamedTypeSymbol tracked;
    private readonly INamedTypeSymbol? notTracked;

    private TrackedScope(INamedTypeSymbol tracked, INamedTypeSymbol? notTracked)
    {
        this.tracked = tracked;
        this.notTracked = notTracked;
    }

    public static TrackedScope? From(KnownSymbols known) =>
        known.TrackedAttribute == null ? null : new TrackedScope(known.TrackedAttribute, known.NotTrackedAttribute);

    public bool HasTracked(ISymbol symbol) => Has(symbol, tracked);

    public bool IsTracked(ISymbol member)
    {
        for (var current = member; current != null; current = Outer(current))
        {
            if (notTracked != null && Has(current, notTracked))
            {
                return false;
            }

            if (Has(current, tracked))
            {
                return true;
            }
        }

        return Has(member.ContainingAssembly, tracked);
    }

    private static ISymbol? Outer(ISymbol symbol) => symbol switch
    {
        IMethodSymbol { AssociatedSymbol: { } property } => property,
        IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } method => method.ContainingSymbol,
        _ => symbol.ContainingType,
    };

    private static bool Has(ISymbol? symbol, INamedTypeSymbol attribute) =>
        symbol != null && symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));
}
