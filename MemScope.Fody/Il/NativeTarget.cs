using System.Linq;
using Mono.Cecil;

namespace MemScopeFody.Il;

/// <summary>The library and entry point of a DllImport (extern) or LibraryImport (source-generated) method.</summary>
public readonly struct NativeTarget
{
    private NativeTarget(string library, string entryPoint, string kind)
    {
        Library = library;
        EntryPoint = entryPoint;
        Kind = kind;
    }

    public string Library { get; }
    public string EntryPoint { get; }
    public string Kind { get; }

    public static NativeTarget? Of(MethodDefinition method)
    {
        var libraryImport = LibraryImportAttribute(method);
        if (libraryImport != null)
        {
            string library = libraryImport.ConstructorArguments.Count > 0 ? libraryImport.ConstructorArguments[0].Value as string ?? "?" : "?";
            string entry = libraryImport.Properties.Where(p => p.Name == "EntryPoint").Select(p => p.Argument.Value as string).FirstOrDefault() ?? method.Name;
            return new NativeTarget(library, entry, "LibraryImport");
        }
        if (method.IsPInvokeImpl && method.PInvokeInfo != null)
            return new NativeTarget(method.PInvokeInfo.Module.Name, method.PInvokeInfo.EntryPoint ?? method.Name, "DllImport");
        return null;
    }

    public static CustomAttribute? LibraryImportAttribute(MethodDefinition method) =>
        method.HasCustomAttributes ? method.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == "System.Runtime.InteropServices.LibraryImportAttribute") : null;
}
