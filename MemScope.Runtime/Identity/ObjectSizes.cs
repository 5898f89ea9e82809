using System;
using MemScopeTrace.Model;

namespace MemScopeRuntime.Identity;

/// <summary>Exact heap sizes for the shapes whose layout is fixed by the runtime (64-bit CoreCLR).</summary>
internal static class ObjectSizes
{
    private static readonly int HeaderBytes = 2 * IntPtr.Size; // object header + method table pointer

    public static long String(int length) => Align(HeaderBytes + sizeof(int) + 2L * (length + 1));

    public static long Array(long length, int elementSize) => Align(HeaderBytes + IntPtr.Size + length * elementSize);

    /// <summary>Strings, arrays of primitives or references and fixed-size objects are exact; arrays of structs are 0 (unknown here).</summary>
    public static long ShallowSizeIfKnown(object obj)
    {
        switch (obj)
        {
            case string s:
                return String(s.Length);
            case System.Array array when array.Rank == 1:
                var element = obj.GetType().GetElementType()!;
                if (!element.IsValueType)
                    return Array(array.LongLength, IntPtr.Size);
                if (element.IsPrimitive)
                    return Align(HeaderBytes + IntPtr.Size + Buffer.ByteLength(array));
                return 0;
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
