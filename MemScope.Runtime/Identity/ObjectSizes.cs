using System;

namespace MemScopeRuntime.Identity;

/// <summary>Exact heap sizes for the shapes whose layout is fixed by the runtime (64-bit CoreCLR).</summary>
internal static class ObjectSizes
{
    private static readonly int HeaderBytes = 2 * IntPtr.Size; // object header + method table pointer

    public static long String(int length) => Align(HeaderBytes + sizeof(int) + 2L * (length + 1));

    public static long Array(long length, int elementSize) => Align(HeaderBytes + IntPtr.Size + length * elementSize);

    /// <summary>Strings and arrays of primitives or references are exact; other objects are 0 (unknown here).</summary>
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
                return 0;
        }
    }

    private static long Align(long bytes) => (bytes + IntPtr.Size - 1) & ~(long)(IntPtr.Size - 1);
}
