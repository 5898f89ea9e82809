using System;
using System.Collections.Generic;
using System.Linq;
using MemScopeFody.Il;
using Mono.Cecil;

namespace MemScopeFody.Weaving;

/// <summary>
/// Decides which methods and fields are tracked: [Tracked] on the member, its property, an enclosing
/// type or the assembly (or TrackAll), minus [NotTracked]; compiler-generated code (lambdas, local
/// functions, state machines) follows the method a developer wrote it in.
/// </summary>
public sealed class TrackingScope
{
    private const string TrackedName = "TrackedAttribute";
    private const string NotTrackedName = "NotTrackedAttribute";

    private readonly WeaverConfig _config;
    private readonly Dictionary<TypeDefinition, MethodDefinition> _stateMachineOwners = new Dictionary<TypeDefinition, MethodDefinition>();
    private readonly Dictionary<MethodDefinition, bool> _methodCache = new Dictionary<MethodDefinition, bool>();

    public TrackingScope(ModuleDefinition module, WeaverConfig config)
    {
        _config = config;
        AssemblyTracked = config.TrackAll || HasAttribute(module.Assembly, TrackedName);
        foreach (var type in module.GetTypes())
        {
            foreach (var method in type.Methods)
            {
                var stateMachine = method.CustomAttributes.FirstOrDefault(a => a.AttributeType.Name.EndsWith("StateMachineAttribute", StringComparison.Ordinal));
                if (stateMachine?.ConstructorArguments.Count == 1 && stateMachine.ConstructorArguments[0].Value is TypeReference machine)
                {
                    var definition = machine.Resolve();
                    if (definition != null)
                        _stateMachineOwners[definition] = method;
                }
            }
        }
    }

    /// <summary>TrackAll or [assembly: Tracked]: every type is tracked unless the namespace filters or [NotTracked] leave it out.</summary>
    public bool AssemblyTracked { get; }

    public bool IsTracked(MethodDefinition method)
    {
        if (!_methodCache.TryGetValue(method, out bool tracked))
            _methodCache[method] = tracked = Decide(method);
        return tracked;
    }

    /// <summary>The method a developer wrote that this (possibly compiler-generated) method belongs to.</summary>
    public MethodDefinition UserMethod(MethodDefinition method)
    {
        for (int depth = 0; depth < 16; depth++)
        {
            var owner = GeneratedOwner(method);
            if (owner == null || owner == method)
                return method;
            method = owner;
        }
        return method;
    }

    /// <summary>The kickoff method of a state machine type, if <paramref name="type"/> is one.</summary>
    public MethodDefinition? StateMachineOwner(TypeDefinition type) =>
        _stateMachineOwners.TryGetValue(type, out var owner) ? owner : null;

    public bool IsTracked(FieldDefinition field) =>
        !IsCompilerGenerated(field.DeclaringType) &&
        (MemberDecision(field, BackingFieldProperty(field)) ?? EnclosingDecision(field.DeclaringType));

    /// <summary>The property a compiler-generated backing field belongs to ("&lt;Items&gt;k__BackingField" → Items).</summary>
    public static PropertyDefinition? BackingFieldProperty(FieldDefinition field)
    {
        if (!field.Name.StartsWith("<", StringComparison.Ordinal) || !field.Name.EndsWith(">k__BackingField", StringComparison.Ordinal))
            return null;
        string propertyName = field.Name.Substring(1, field.Name.IndexOf('>') - 1);
        return field.DeclaringType.Properties.FirstOrDefault(p => p.Name == propertyName);
    }

    private bool Decide(MethodDefinition method)
    {
        if (!method.HasBody)
            return false;
        var owner = GeneratedOwner(method);
        if (owner != null && owner != method)
            return IsTracked(owner);
        if (IsCompilerGenerated(method.DeclaringType) || NativeTarget.LibraryImportAttribute(method) != null)
            return false; // a LibraryImport body is generated marshalling code; its callers record the call

        return MemberDecision(method, AccessorProperty(method)) ?? EnclosingDecision(method.DeclaringType);
    }

    /// <summary>The member's own decision, else that of the property it belongs to: true for [Tracked], false for [NotTracked], null if neither.</summary>
    private static bool? MemberDecision(ICustomAttributeProvider member, PropertyDefinition? property)
    {
        if (HasAttribute(member, NotTrackedName))
            return false;
        if (HasAttribute(member, TrackedName))
            return true;
        if (property != null)
        {
            if (HasAttribute(property, NotTrackedName))
                return false;
            if (HasAttribute(property, TrackedName))
                return true;
        }
        return null;
    }

    /// <summary>What a member without an attribute of its own follows: its types, else the assembly (or TrackAll) and the namespace filters.</summary>
    private bool EnclosingDecision(TypeDefinition type) => TypeDecision(type) ?? (AssemblyTracked && NamespaceIncluded(type));

    /// <summary>The nearest enclosing type's decision: true for [Tracked], false for [NotTracked], null if neither.</summary>
    private static bool? TypeDecision(TypeDefinition? type)
    {
        for (; type != null; type = type.DeclaringType)
        {
            if (HasAttribute(type, NotTrackedName))
                return false;
            if (HasAttribute(type, TrackedName))
                return true;
        }
        return null;
    }

    private bool NamespaceIncluded(TypeDefinition type)
    {
        while (type.DeclaringType != null)
            type = type.DeclaringType;
        string ns = type.Namespace;
        if (_config.ExcludeNamespaces.Any(filter => InNamespace(ns, filter)))
            return false;
        return _config.IncludeNamespaces.Count == 0 || _config.IncludeNamespaces.Any(filter => InNamespace(ns, filter));
    }

    /// <summary>Whether namespace <paramref name="ns"/> is <paramref name="filter"/> or one of its children: what a namespace filter matches.</summary>
    public static bool InNamespace(string ns, string filter) =>
        ns == filter || ns.StartsWith(filter + ".", StringComparison.Ordinal);

    private MethodDefinition? GeneratedOwner(MethodDefinition method)
    {
        var type = method.DeclaringType;
        var machineOwner = StateMachineOwner(type);
        if (machineOwner != null)
            return machineOwner;

        // Lambdas and local functions are named <Outer>b__… / <Outer>g__Name|…; they live on the user type
        // or on a closure type nested in it.
        if (!method.Name.StartsWith("<", StringComparison.Ordinal))
            return null;
        int close = method.Name.IndexOf('>');
        if (close <= 1)
            return null;
        string outerName = method.Name.Substring(1, close - 1);
        var userType = type;
        while (userType.DeclaringType != null && IsCompilerGenerated(userType))
            userType = userType.DeclaringType;
        return userType.Methods.FirstOrDefault(m => m.Name == outerName && m != method)
            ?? userType.Methods.FirstOrDefault(m => (m.IsConstructor && outerName == ".ctor") || (m.IsConstructor && m.IsStatic && outerName == ".cctor"));
    }

    private static PropertyDefinition? AccessorProperty(MethodDefinition method) =>
        method.IsGetter || method.IsSetter
            ? method.DeclaringType.Properties.FirstOrDefault(p => p.GetMethod == method || p.SetMethod == method)
            : null;

    public static bool IsCompilerGenerated(TypeDefinition type) =>
        type.Name.StartsWith("<", StringComparison.Ordinal) ||
        type.CustomAttributes.Any(a => a.AttributeType.Name == "CompilerGeneratedAttribute");

    public static bool HasAttribute(ICustomAttributeProvider provider, string name) =>
        provider.HasCustomAttributes && provider.CustomAttributes.Any(a => a.AttributeType.Name == name && a.AttributeType.Namespace.Length == 0);
}
