using System;
using System.Buffers;
using System.Runtime.InteropServices;

namespace AssemblyToProcess;

public static unsafe partial class NativeScenario
{
    [DllImport("libz.so.1", EntryPoint = "crc32")]
    private static extern nuint Crc32(nuint crc, byte* buffer, uint length);

    [LibraryImport("libz.so.1", EntryPoint = "compressBound")]
    private static partial nuint CompressBound(nuint sourceLength);

    [DllImport("libc", EntryPoint = "strlen")]
    private static extern nuint StringLength(nint text);

    [Tracked]
    public static int HGlobalRoundTrip()
    {
        nint block = Marshal.AllocHGlobal(64);
        block = Marshal.ReAllocHGlobal(block, 128);
        Marshal.FreeHGlobal(block);
        return 128;
    }

    [Tracked]
    public static nint LeakHGlobal()
    {
        nint leaked = Marshal.AllocHGlobal(32);
        return leaked;
    }

    [Tracked]
    public static void DoubleFree()
    {
        nint block = Marshal.AllocCoTaskMem(16);
        Marshal.FreeCoTaskMem(block);
        Marshal.FreeCoTaskMem(block);
    }

    [Tracked]
    public static uint NativeMemoryAndZlib()
    {
        byte* data = (byte*)NativeMemory.AllocZeroed(16);
        nuint crc = Crc32(0, data, 16);
        NativeMemory.Free(data);
        byte* aligned = (byte*)NativeMemory.AlignedAlloc(64, 32);
        NativeMemory.AlignedFree(aligned);
        return (uint)crc;
    }

    [Tracked]
    public static uint UseAfterFree()
    {
        byte* data = (byte*)NativeMemory.Alloc(8);
        NativeMemory.Free(data);
        return (uint)Crc32(0, data, 4); // reads freed, still mapped memory
    }

    [Tracked]
    public static ulong LibraryImportCall() => CompressBound(1000);

    [Tracked]
    public static ulong LibcCall()
    {
        nint text = Marshal.StringToHGlobalAnsi("memscope");
        ulong length = StringLength(text);
        Marshal.FreeHGlobal(text);
        return length;
    }

    [Tracked]
    public static int PinAndPool()
    {
        var buffer = new byte[32];
        var pinned = GCHandle.Alloc(buffer, GCHandleType.Pinned);
        pinned.Free();
        int[] rented = ArrayPool<int>.Shared.Rent(100);
        int length = rented.Length;
        ArrayPool<int>.Shared.Return(rented);
        return length;
    }

    [Tracked]
    public static void ExceptionBetweenAllocationAndFree()
    {
        nint block = Marshal.AllocHGlobal(8);
        try
        {
            throw new InvalidOperationException("between alloc and free");
        }
        finally
        {
            Marshal.FreeHGlobal(block);
        }
    }
}
