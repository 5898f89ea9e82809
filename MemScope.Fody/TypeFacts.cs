using Mono.Cecil;

namespace MemScopeFody;

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
    public static Storage StorageOf(TypeReference type)
    {
        switch (type)
        {
            case GenericParameter _:
                return Storage.Generic;
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

    private static TypeReference Substitute(TypeReference type, GenericInstanceType context)
    {
        switch (type)
        {
            case GenericParameter parameter when parameter.Type == GenericParameterType.Type && parameter.Position < context.GenericArguments.Count:
                return context.GenericArguments[parameter.Position];
            case ArrayType array:
                return new ArrayType(Substitute(array.ElementType, context), array.Rank);
            case GenericInstanceType generic:
                var result = new GenericInstanceType(generic.ElementType);
                foreach (var argument in generic.GenericArguments)
                    result.GenericArguments.Add(Substitute(argument, context));
                return result;
            default:
                return type;
        }
    }

    public static bool IsDelegate(TypeDefinition? type) =>
        type?.BaseType != null && (type.BaseType.FullName == "System.MulticastDelegate" || type.BaseType.FullName == "System.Delegate");
}
