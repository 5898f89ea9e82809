using System;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace MemScopeRuntime.Identity;

/// <summary>Exact heap sizes for the shapes whose layout is fixed by the runtime (64-bit CoreCLR).</summary>
internal static class ObjectSizes
{
    private static readonly int HeaderBytes = 2 * IntPtr.Size; // object header + method table pointer

    public static long String(int length) => Align(HeaderBytes + sizeof(int) + 2L * (length + 1));

    public static long Array(long length, int elementSize) => Align(HeaderBytes + IntPtr.Size + length * elementSize);

    /// <summary>
    /// Any array, exactly: a multi-dimensional one (or one with a lower bound other than 0) also stores each
    /// dimension's length and lower bound.
    /// </summary>
    public static long Array(System.Array array)
    {
        var type = array.GetType();
        int elementSize = ElementSize(type.GetElementType()!);
        long bounds = type.IsSZArray ? 0 : 2L * sizeof(int) * array.Rank;
        return Align(HeaderBytes + IntPtr.Size + bounds + array.LongLength * elementSize);
    }

    /// <summary>The bytes one element takes in an array: a reference or pointer, or the struct's own size.</summary>
    public static int ElementSize(Type element) =>
        !element.IsValueType ? IntPtr.Size : s_structSizes.GetOrAdd(element, static t => (int)s_sizeOf.MakeGenericMethod(t).Invoke(null, null)!);

    private static readonly ConcurrentDictionary<Type, int> s_structSizes = new();
    private static readonly MethodInfo s_sizeOf = typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!;

    /// <summary>Strings, arrays and fixed-size objects are exact; 0 for what is not known.</summary>
    public static long ShallowSizeIfKnown(object obj)
    {
        switch (obj)
        {
            case string s:
                return String(s.Length);
            case System.Array array:
                return Array(array);
            default:
                return BaseSize(obj.GetType());
        }
    }

    /// <summary>
    /// The heap size of every instance of a class whose size does not vary (not arrays or strings), 0 when unknown.
    /// No public API says it; CoreCLR keeps it in the MethodTable, 4 bytes in, on every 64-bit release. The value is
    /// checked for sanity, and a test compares it with the allocation counter.
    /// </summary>
    public static unsafe long BaseSize(Type type)
    {
        if (IntPtr.Size != 8 || type.IsArray || type == typeof(string) || type.IsValueType || type.IsAbstract || type.ContainsGenericParameters)
            return 0;
        uint size = *(uint*)((byte*)type.TypeHandle.Value + 4);
        return size >= 3 * IntPtr.Size && size % IntPtr.Size == 0 && size < 1 << 20 ? size : 0;
    }

    private static long Align(long bytes) => (bytes + IntPtr.Size - 1) & ~(long)(IntPtr.Size - 1);
}
