using System.Linq;
using MemScopeFody.Il;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace MemScopeFody.Weaving;

/// <summary>
/// A tracked stream, reader or writer that inherits the dispose pattern from an unwoven base and declares no disposal
/// method of its own (a Stream subclass overriding only Read and Write) would record its disposal only where tracked
/// code calls Dispose:
/// a `using` in unwoven code (a library's callers, its test suite) would leave it "never disposed". So it gets the
/// override the compiler would have written, which the disposal-pattern weaving then brackets like any other:
/// <code>
/// protected override void Dispose(bool disposing) => base.Dispose(disposing);
/// </code>
/// Stream.Dispose() → Close() → Dispose(true) then reaches it from anywhere.
/// </summary>
public static class InheritedDisposal
{
    public static void AddOverrides(ModuleDefinition module, TrackingScope scope)
    {
        foreach (var type in module.GetTypes().ToList())
        {
            if (NeedsOverride(type, scope) && InheritedDisposeBool(type) is { } inherited)
                type.Methods.Add(Override(module, inherited));
        }
    }

    private static bool NeedsOverride(TypeDefinition type, TrackingScope scope) =>
        type.IsClass && !type.IsValueType && !type.IsInterface && !TrackingScope.IsCompilerGenerated(type) &&
        type.Name != WeavingContext.SitesClassName &&
        // SafeHandles record their closing through their own events.
        !TypeFacts.IsSafeHandle(type) && DisposedByItsUsers(type) &&
        !type.Methods.Any(DeclaresDisposal) &&
        // The override is a method of the type: woven only if the type's own methods are.
        type.Methods.Any(m => !m.IsStatic && m.HasBody && scope.IsTracked(m));

    /// <summary>
    /// Streams, readers and writers: what callers and wrappers dispose. Other disposables with an inherited
    /// Dispose(bool) are left as they are: an EventSource, say, lives as long as the process, and the framework
    /// reflects over the methods its subclasses declare.
    /// </summary>
    private static bool DisposedByItsUsers(TypeDefinition type) =>
        TypeFacts.IsOrInherits(type, "System.IO.Stream") || TypeFacts.IsOrInherits(type, "System.IO.TextReader") ||
        TypeFacts.IsOrInherits(type, "System.IO.TextWriter");

    private static bool DeclaresDisposal(MethodDefinition m) =>
        !m.IsStatic && (m.Name is "Dispose" or "Close" or "DisposeAsync" or "DisposeAsyncCore" ||
                        m.Name.EndsWith(".Dispose") || m.Name.EndsWith(".DisposeAsync"));

    /// <summary>
    /// The nearest base declaration of a virtual, overridable, non-generic Dispose(bool) when it lies outside this
    /// module and does not record disposal itself; null otherwise (an in-module base is woven and records for us).
    /// </summary>
    private static MethodDefinition? InheritedDisposeBool(TypeDefinition type)
    {
        for (var baseType = type.BaseType?.Resolve(); baseType != null; baseType = baseType.BaseType?.Resolve())
        {
            var declared = baseType.Methods.FirstOrDefault(m =>
                m.Name == "Dispose" && !m.IsStatic && m.Parameters.Count == 1 &&
                m.Parameters[0].ParameterType.MetadataType == MetadataType.Boolean);
            if (declared == null)
                continue;
            bool overridable = declared.IsVirtual && !declared.IsFinal && (declared.IsFamily || declared.IsFamilyOrAssembly || declared.IsPublic);
            bool foreign = baseType.Module != type.Module && !baseType.HasGenericParameters &&
                           !baseType.CustomAttributes.Any(a => a.AttributeType.FullName == MemScopeRuntime.WeaverContract.RecordsDisposalAttributeType);
            return overridable && foreign ? declared : null;
        }
        return null;
    }

    private static MethodDefinition Override(ModuleDefinition module, MethodDefinition inherited)
    {
        // protected internal in another assembly is protected to us.
        var access = inherited.IsPublic ? MethodAttributes.Public : MethodAttributes.Family;
        var method = new MethodDefinition("Dispose", access | MethodAttributes.Virtual | MethodAttributes.HideBySig, module.TypeSystem.Void);
        method.Parameters.Add(new ParameterDefinition("disposing", ParameterAttributes.None, module.TypeSystem.Boolean));
        var il = method.Body.GetILProcessor();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Call, module.ImportReference(inherited));
        il.Emit(OpCodes.Ret);
        return method;
    }
}
