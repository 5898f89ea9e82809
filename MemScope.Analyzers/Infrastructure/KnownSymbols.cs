using Microsoft.CodeAnalysis;

namespace MemScopeAnalyzers.Infrastructure;

/// <summary>The framework types the rules look for, resolved once per compilation.</summary>
internal sealed class KnownSymbols
{
    private KnownSymbols(Compilation compilation)
    {
        Marshal = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.Marshal");
        NativeMemory = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.NativeMemory");
        GCHandle = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.GCHandle");
        SafeHandle = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.SafeHandle");
        ArrayPool = compilation.GetTypeByMetadataName("System.Buffers.ArrayPool`1");
        LibraryImportAttribute = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.LibraryImportAttribute");
        MarshalAsAttribute = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.MarshalAsAttribute");
        DefaultCharSetAttribute = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.DefaultCharSetAttribute");
        StringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
        Math = compilation.GetTypeByMetadataName("System.Math");
        ArgumentOutOfRangeException = compilation.GetTypeByMetadataName("System.ArgumentOutOfRangeException");
        TrackedAttribute = compilation.GetTypeByMetadataName("TrackedAttribute");
        NotTrackedAttribute = compilation.GetTypeByMetadataName("NotTrackedAttribute");
    }

    public INamedTypeSymbol? Marshal { get; }

    public INamedTypeSymbol? NativeMemory { get; }

    public INamedTypeSymbol? GCHandle { get; }

    public INamedTypeSymbol? SafeHandle { get; }

    public INamedTypeSymbol? ArrayPool { get; }

    public INamedTypeSymbol? LibraryImportAttribute { get; }

    public INamedTypeSymbol? MarshalAsAttribute { get; }

    public INamedTypeSymbol? DefaultCharSetAttribute { get; }

    public INamedTypeSymbol? StringBuilder { get; }

    public INamedTypeSymbol? Math { get; }

    public INamedTypeSymbol? ArgumentOutOfRangeException { get; }

    public INamedTypeSymbol? TrackedAttribute { get; }

    public INamedTypeSymbol? NotTrackedAttribute { get; }

    public static KnownSymbols From(Compilation compilation) => new KnownSymbols(compilation);

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        type != null && known != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);

    public bool IsSafeHandle(ITypeSymbol? type)
    {
        for (var current = type; current != null; current = current.BaseType)
        {
            if (Is(current, SafeHandle))
            {
                return true;
            }
        }

        return false;
    }
}
