using System.Linq;
using Microsoft.CodeAnalysis;

namespace MemScopeAnalyzers.Infrastructure;

/// <summary>What a method's DllImport or LibraryImport declaration says, in one shape for both.</summary>
internal readonly struct PInvoke
{
    private PInvoke(bool isLibraryImport, bool setLastError, bool hasExplicitStringMarshalling, AttributeData? libraryImport)
    {
        IsLibraryImport = isLibraryImport;
        SetLastError = setLastError;
        HasExplicitStringMarshalling = hasExplicitStringMarshalling;
        LibraryImport = libraryImport;
    }

    public bool IsLibraryImport { get; }

    public bool SetLastError { get; }

    /// <summary>CharSet (DllImport) or StringMarshalling/StringMarshallingCustomType (LibraryImport) is stated.</summary>
    public bool HasExplicitStringMarshalling { get; }

    public AttributeData? LibraryImport { get; }

    public static bool TryGet(IMethodSymbol method, KnownSymbols known, out PInvoke pinvoke)
    {
        var dllImport = method.GetDllImportData();
        if (dllImport != null)
        {
            // DllImportData cannot tell an explicit CharSet.Ansi from the default, so read the attribute itself.
            var explicitCharSet = method.GetAttributes().Any(a =>
                a.AttributeClass?.Name == "DllImportAttribute" && a.NamedArguments.Any(n => n.Key == "CharSet"));
            pinvoke = new PInvoke(false, dllImport.SetLastError, explicitCharSet, null);
            return true;
        }

        if (known.LibraryImportAttribute != null)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, known.LibraryImportAttribute))
                {
                    continue;
                }

                var setLastError = attribute.NamedArguments.Any(n => n.Key == "SetLastError" && n.Value.Value is true);
                var explicitStrings = attribute.NamedArguments.Any(n => n.Key == "StringMarshalling" || n.Key == "StringMarshallingCustomType");
                pinvoke = new PInvoke(true, setLastError, explicitStrings, attribute);
                return true;
            }
        }

        pinvoke = default;
        return false;
    }
}
