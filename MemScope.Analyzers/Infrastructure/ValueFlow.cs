using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MemScopeAnalyzers.Infrastructure;

/// <summary>
/// How a pointer-like value moves through an expression: a cast, parentheses or pointer arithmetic
/// keep pointing into the same block, so the result is the same resource for ownership purposes.
/// </summary>
internal static class ValueFlow
{
    /// <summary>Climbs from <paramref name="operation"/> to the outermost expression that still denotes the same resource.</summary>
    public static IOperation Outermost(IOperation operation)
    {
        var current = operation;
        while (current.Parent != null && CarriesValue(current.Parent, current))
        {
            current = current.Parent;
        }

        return current;
    }

    /// <summary>True when <paramref name="value"/> is, after casts and pointer arithmetic, something <paramref name="isSource"/> accepts.</summary>
    public static bool DerivesFrom(IOperation? value, Func<IOperation, bool> isSource)
    {
        while (value != null)
        {
            if (isSource(value))
            {
                return true;
            }

            switch (value)
            {
                case IConversionOperation conversion:
                    value = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    value = parenthesized.Operand;
                    break;
                case IBinaryOperation binary when IsPointerLike(binary.Type):
                    return DerivesFrom(binary.LeftOperand, isSource) || DerivesFrom(binary.RightOperand, isSource);
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>The symbol a receiver or argument names, so two mentions of the same local, parameter or field compare equal.</summary>
    public static ISymbol? ReferencedSymbol(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation => field.Field,
            IPropertyReferenceOperation property when property.Instance is null or IInstanceReferenceOperation => property.Property,
            _ => null,
        };
    }

    public static bool IsPointerLike(ITypeSymbol? type) =>
        type != null && (type.TypeKind == TypeKind.Pointer || type.TypeKind == TypeKind.FunctionPointer ||
                         type.SpecialType == SpecialType.System_IntPtr || type.SpecialType == SpecialType.System_UIntPtr);

    private static bool CarriesValue(IOperation parent, IOperation child) => parent switch
    {
        IConversionOperation => true,
        IParenthesizedOperation => true,
        IBinaryOperation binary => IsPointerLike(binary.Type) && (binary.LeftOperand == child || binary.RightOperand == child),
        _ => false,
    };
}
