using Mono.Cecil;

namespace MemScopeFody.Il;

public enum Storage
{
    /// <summary>A class, interface, array, string or delegate: the value is already an object reference.</summary>
    Reference,
    /// <summary>A generic parameter: box it (a no-op for reference types) to pass it as object.</summary>
    Generic,
    /// <summary>A struct, primitive, pointer or by-ref: not an object on the heap; not tracked.</summary>
    Value,
}

public static class TypeFacts
{
    private const int AllowByRefLike = 0x0020; // GenericParameterAttributes.AllowByRefLike, newer than this Cecil
    public static Storage StorageOf(TypeReference type)
    {
        switch (type)
        {
            case GenericParameter parameter:
                // `where T : allows ref struct` (C# 13): T may be a ref struct, which cannot be boxed.
                return ((int)parameter.Attributes & AllowByRefLike) != 0 ? Storage.Value : Storage.Generic;
            case ArrayType _:
                return Storage.Reference;
            case ByReferenceType _:
            case PointerType _:
            case PinnedType _:
            case FunctionPointerType _:
            case RequiredModifierType _:
            case OptionalModifierType _:
                return Storage.Value;
        }
        if (type.IsValueType)
            return Storage.Value;
        var definition = type.Resolve();
        if (definition == null)
            return Storage.Value; // unknown: do not risk treating a struct as a reference
        return definition.IsValueType ? Storage.Value : Storage.Reference;
    }

    /// <summary>The type of a field as seen from the code that stores to it (T of Box&lt;T&gt; becomes int in Box&lt;int&gt;).</summary>
    public static TypeReference FieldTypeInContext(FieldReference field)
    {
        var type = field.FieldType;
        return field.DeclaringType is GenericInstanceType instance ? Substitute(type, instance) : type;
    }

    /// <summary>The type of a parameter as seen from the call site (T of List&lt;T&gt;.Add becomes int for List&lt;int&gt;).</summary>
    public static TypeReference ParameterTypeInContext(MethodReference method, TypeReference parameterType) =>
        Substitute(parameterType, method.DeclaringType as GenericInstanceType, method as GenericInstanceMethod);

    private static TypeReference Substitute(TypeReference type, GenericInstanceType? typeContext, GenericInstanceMethod? methodContext = null)
    {
        switch (type)
        {
            case GenericParameter parameter when parameter.Type == GenericParameterType.Type && typeContext != null && parameter.Position < typeContext.GenericArguments.Count:
                return typeContext.GenericArguments[parameter.Position];
            case GenericParameter parameter when parameter.Type == GenericParameterType.Method && methodContext != null && parameter.Position < methodContext.GenericArguments.Count:
                return methodContext.GenericArguments[parameter.Position];
            case ArrayType array:
                return new ArrayType(Substitute(array.ElementType, typeContext, methodContext), array.Rank);
            case ByReferenceType byRef:
                return new ByReferenceType(Substitute(byRef.ElementType, typeContext, methodContext));
            case PointerType pointer:
                return new PointerType(Substitute(pointer.ElementType, typeContext, methodContext));
            case GenericInstanceType generic:
                var result = new GenericInstanceType(generic.ElementType);
                foreach (var argument in generic.GenericArguments)
                    result.GenericArguments.Add(Substitute(argument, typeContext, methodContext));
                return result;
            default:
                return type;
        }
    }

    /// <summary>Whether <paramref name="type"/> is or derives from / implements the type named <paramref name="fullName"/>.</summary>
    public static bool IsOrInherits(TypeReference type, string fullName)
    {
        var definition = type.Resolve();
        for (int depth = 0; definition != null && depth < 32; depth++)
        {
            if (definition.FullName == fullName)
                return true;
            foreach (var implemented in definition.Interfaces)
            {
                if (implemented.InterfaceType.FullName == fullName || (implemented.InterfaceType.Resolve() is { } i && IsOrInherits(i, fullName)))
                    return true;
            }
            definition = definition.BaseType?.Resolve();
        }
        return false;
    }

    public static bool IsDisposable(TypeReference type) =>
        IsOrInherits(type, "System.IDisposable") || IsOrInherits(type, "System.IAsyncDisposable");

    /// <summary>
    /// Disposables whose lifecycle matters. Tasks and enumerators are IDisposable too, but nobody disposes
    /// a Task and foreach disposes its enumerator: tracking them would only add noise and cost to every loop.
    /// </summary>
    public static bool IsLifecycleWorthTracking(TypeReference type) =>
        IsDisposable(type) &&
        !IsOrInherits(type, "System.Threading.Tasks.Task") &&
        !IsOrInherits(type, "System.Collections.IEnumerator");

    public static bool IsSafeHandle(TypeReference type) => IsOrInherits(type, "System.Runtime.InteropServices.SafeHandle");

    /// <summary>nint and unmanaged pointers: arguments that may carry a native address (nuint is a size_t).</summary>
    public static bool IsAddress(TypeReference type) => type is PointerType || type.FullName == "System.IntPtr";

    public static bool IsDelegate(TypeDefinition? type) =>
        type?.BaseType != null && (type.BaseType.FullName == "System.MulticastDelegate" || type.BaseType.FullName == "System.Delegate");

    /// <summary>A field as the methods of its own (possibly generic) type refer to it: through the type instantiated over its own parameters.</summary>
    public static FieldReference OwnField(FieldDefinition field)
    {
        var type = field.DeclaringType;
        if (!type.HasGenericParameters)
            return field;
        var self = new GenericInstanceType(type);
        foreach (var parameter in type.GenericParameters)
            self.GenericArguments.Add(parameter);
        return new FieldReference(field.Name, field.FieldType, self);
    }
}
