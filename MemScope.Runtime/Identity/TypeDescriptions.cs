using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using MemScopeTrace.Model;

namespace MemScopeRuntime.Identity;

/// <summary>Describes a live type of this process as the plain <see cref="TypeInfo"/> a recording carries.</summary>
internal static class TypeDescriptions
{
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
