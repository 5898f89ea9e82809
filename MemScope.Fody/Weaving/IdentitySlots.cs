using System.Collections.Generic;
using System.Linq;
using MemScopeFody.Il;
using MemScopeRuntime;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace MemScopeFody.Weaving;

/// <summary>
/// Gives the classes that tracked code allocates an id slot of their own, so the runtime finds an object's id with a
/// field read instead of a ConditionalWeakTable lookup. What each such class gains, in C#:
/// <code>
/// class Order : ITrackedObject
/// {
///     [NonSerialized, CompilerGenerated, DebuggerBrowsable(Never)] private long &lt;MemScope&gt;Id;
///     [CompilerGenerated] ref long ITrackedObject.MemScopeId() => ref &lt;MemScope&gt;Id;
/// }
/// </code>
/// The slot goes on the topmost class of the hierarchy inside this module, so derived classes share it.
/// A hierarchy that clones itself (MemberwiseClone) gets no slot: code that checks a clone against its original field
/// by field through reflection (clone tests, deep-equality helpers) would see the two objects' different ids and fail
/// only when woven. Its objects are identified the way objects of unwoven classes are, by the runtime's table.
/// </summary>
public sealed class IdentitySlots
{
    public const string FieldName = "<MemScope>Id";

    private readonly WeavingContext _context;
    private readonly HashSet<TypeDefinition> _requested = new HashSet<TypeDefinition>();
    private readonly TypeReference _interface;
    private readonly MethodReference _interfaceMethod;
    private readonly MethodReference _compilerGenerated;
    private readonly CustomAttribute _hiddenFromDebugger;

    public IdentitySlots(WeavingContext context, System.Func<string, TypeDefinition> findType)
    {
        _context = context;
        var module = context.Module;
        var trackedObject = context.Probes.TrackedObject;
        _interface = module.ImportReference(trackedObject);
        _interfaceMethod = module.ImportReference(trackedObject.Methods.Single());
        _compilerGenerated = module.ImportReference(findType("System.Runtime.CompilerServices.CompilerGeneratedAttribute").Methods.First(m => m.IsConstructor && !m.HasParameters));
        var browsable = findType("System.Diagnostics.DebuggerBrowsableAttribute");
        var browsableState = module.ImportReference(findType("System.Diagnostics.DebuggerBrowsableState"));
        _hiddenFromDebugger = new CustomAttribute(module.ImportReference(browsable.Methods.First(m => m.IsConstructor && m.Parameters.Count == 1)));
        _hiddenFromDebugger.ConstructorArguments.Add(new CustomAttributeArgument(browsableState, 0)); // DebuggerBrowsableState.Never
    }

    /// <summary>Tracked code allocates <paramref name="type"/>: give it (or its topmost in-module base class) a slot.</summary>
    public void Request(TypeReference type)
    {
        if (type.Resolve() is { } definition && definition.Module == _context.Module)
            _requested.Add(definition);
    }

    /// <summary>Injects the slots; run after the method bodies are woven, so the accessors are not woven themselves.</summary>
    public void Inject()
    {
        var cloners = _context.Module.GetTypes().Where(ClonesItself).ToList();
        var roots = new HashSet<TypeDefinition>();
        foreach (var type in _requested)
        {
            if (RootOf(type) is { } root && !cloners.Any(c => IsSameOrDerived(c, root) || IsSameOrDerived(root, c)))
                roots.Add(root);
        }
        foreach (var root in roots.OrderBy(t => t.FullName, System.StringComparer.Ordinal))
            Inject(root);
    }

    /// <summary>The topmost eligible class of <paramref name="type"/>'s hierarchy in this module, or null when it cannot take a slot.</summary>
    private TypeDefinition? RootOf(TypeDefinition type)
    {
        if (!CanHoldSlot(type))
            return null;
        var root = type;
        for (var baseType = type.BaseType?.Resolve(); baseType != null; baseType = baseType.BaseType?.Resolve())
        {
            if (Implements(baseType))
                return null; // a woven base in another assembly already carries the slot
            if (baseType.Module == _context.Module && CanHoldSlot(baseType))
                root = baseType;
        }
        return Implements(root) ? null : root;
    }

    /// <summary>
    /// A method of <paramref name="type"/> calls MemberwiseClone: protected, so it copies an object of this type or of
    /// a class derived from it.
    /// </summary>
    private static bool ClonesItself(TypeDefinition type) =>
        type.Methods.Any(m => m.HasBody && m.Body.Instructions.Any(InstructionFacts.IsMemberwiseClone));

    private static bool IsSameOrDerived(TypeDefinition type, TypeDefinition ancestor)
    {
        for (TypeDefinition? t = type; t != null; t = t.BaseType?.Resolve())
        {
            if (t == ancestor)
                return true;
        }
        return false;
    }

    private static bool CanHoldSlot(TypeDefinition type) =>
        type.IsClass && !type.IsValueType && !type.IsInterface && !type.IsImport && !type.IsExplicitLayout &&
        !TypeFacts.IsDelegate(type) && !TrackingScope.IsCompilerGenerated(type) && type.Name != WeavingContext.SitesClassName;

    private static bool Implements(TypeDefinition type) =>
        type.Interfaces.Any(i => i.InterfaceType.FullName == WeaverContract.TrackedObjectInterface);

    private void Inject(TypeDefinition type)
    {
        var int64 = _context.TypeSystem.Int64Reference;
        var field = new FieldDefinition(FieldName, FieldAttributes.Private | FieldAttributes.NotSerialized, int64);
        field.CustomAttributes.Add(new CustomAttribute(_compilerGenerated));
        field.CustomAttributes.Add(_hiddenFromDebugger);
        type.Fields.Add(field);

        var accessor = new MethodDefinition(WeaverContract.TrackedObjectInterface + "." + _interfaceMethod.Name,
            MethodAttributes.Private | MethodAttributes.Final | MethodAttributes.Virtual | MethodAttributes.HideBySig | MethodAttributes.NewSlot,
            new ByReferenceType(int64));
        accessor.Overrides.Add(_interfaceMethod);
        accessor.CustomAttributes.Add(new CustomAttribute(_compilerGenerated));
        var il = accessor.Body.GetILProcessor();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldflda, TypeFacts.OwnField(field));
        il.Emit(OpCodes.Ret);
        type.Methods.Add(accessor);
        type.Interfaces.Add(new InterfaceImplementation(_interface));
    }
}
