using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;

namespace MemScopeRuntime.Identity;

/// <summary>
/// What the analysis needs to know about a runtime type, as plain data: it comes from a live Type in
/// the process, or from a trace file written by another process.
/// </summary>
public sealed record TypeInfo(
    int Id,
    string Name,
    bool IsDisposable,
    bool IsSafeHandle,
    bool IsCollection,
    string? GenericDefinition,
    IReadOnlyList<string> GenericArguments,
    string? ElementType,
    int GenericDepth)
{
    public static TypeInfo Unknown(int id) => new(id, $"type#{id}", false, false, false, null, Array.Empty<string>(), null, 0);

    public bool IsGeneric => GenericDefinition is not null;

    public static TypeInfo Of(int id, Type type) => new(
        id,
        TypeNames.Format(type),
        LifecycleMatters(type),
        typeof(SafeHandle).IsAssignableFrom(type),
        type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type),
        type.IsGenericType ? TypeNames.Format(type.GetGenericTypeDefinition()) : null,
        type.IsGenericType ? type.GetGenericArguments().Select(TypeNames.Format).ToArray() : Array.Empty<string>(),
        ElementTypeOf(type) is { } element ? TypeNames.Format(element) : null,
        Depth(type));

    /// <summary>Disposables whose lifecycle matters (the weaver leaves Tasks and enumerators alone, and so does the analysis).</summary>
    internal static bool LifecycleMatters(Type type) =>
        (typeof(IDisposable).IsAssignableFrom(type) || typeof(IAsyncDisposable).IsAssignableFrom(type)) &&
        !typeof(System.Threading.Tasks.Task).IsAssignableFrom(type) &&
        !typeof(IEnumerator).IsAssignableFrom(type);

    /// <summary>T of IEnumerable&lt;T&gt; (KeyValuePair&lt;K, V&gt; for dictionaries), or the array's element type.</summary>
    private static Type? ElementTypeOf(Type type)
    {
        if (type.IsArray)
            return type.GetElementType();
        return type.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];
    }

    /// <summary>How deeply generic arguments nest: List&lt;int&gt; is 1, Dictionary&lt;string, List&lt;int&gt;&gt; is 2.</summary>
    private static int Depth(Type type)
    {
        if (type.IsArray)
            return Depth(type.GetElementType()!);
        return type.IsGenericType ? 1 + type.GetGenericArguments().Max(Depth) : 0;
    }
}
