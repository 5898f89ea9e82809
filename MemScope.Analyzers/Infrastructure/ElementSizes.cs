using System.Linq;
using Microsoft.CodeAnalysis;

namespace MemScopeAnalyzers.Infrastructure;

/// <summary>Approximate unmanaged sizes, enough to turn an element count into bytes for a stack budget.</summary>
internal static class ElementSizes
{
    private const int PointerSize = 8;

    public static long Of(ITypeSymbol? type) => Of(type, depth: 0);

    private static long Of(ITypeSymbol? type, int depth)
    {
        if (type == null)
        {
            return 1;
        }

        if (type is INamedTypeSymbol { EnumUnderlyingType: { } underlying })
        {
            type = underlying;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Byte:
            case SpecialType.System_SByte:
                return 1;
            case SpecialType.System_Char:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
                return 2;
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Single:
                return 4;
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Double:
            case SpecialType.System_IntPtr:
            case SpecialType.System_UIntPtr:
                return 8;
            case SpecialType.System_Decimal:
                return 16;
        }

        if (type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer || depth > 4)
        {
            return PointerSize;
        }

        // A struct is at least the sum of its fields; padding only makes it larger, so this never over-reports.
        var fields = type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic).Sum(f => Of(f.Type, depth + 1));
        return fields > 0 ? fields : 1;
    }
}
