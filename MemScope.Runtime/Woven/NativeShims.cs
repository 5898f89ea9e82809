using System;
using System.Buffers;
using System.ComponentModel;
using System.Runtime.InteropServices;
using MemScopeRuntime.Capture;
using MemScopeRuntime.Guards;
using MemScopeRuntime.Identity;
using MemScopeTrace.Model;

namespace MemScopeRuntime;

/// <summary>
/// Stand-ins the weaver calls instead of the native-memory APIs in tracked code: each performs the real
/// call and records address, size and site. A free of an address tracked code already freed is recorded
/// and NOT passed to the allocator (which would corrupt the heap or abort the process).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class NativeShims
{
    private static readonly bool s_enabled = RuntimeSettings.Enabled;

    public static nint AllocHGlobal(int bytes, int site) => Allocated(Marshal.AllocHGlobal(bytes), bytes, site);

    public static nint AllocHGlobal(nint bytes, int site) => Allocated(Marshal.AllocHGlobal(bytes), bytes, site);

    public static nint ReAllocHGlobal(nint address, nint bytes, int site) =>
        Reallocated(address, Marshal.ReAllocHGlobal(address, bytes), bytes, site);

    public static void FreeHGlobal(nint address, int site)
    {
        if (Freeing(address, site))
            Marshal.FreeHGlobal(address);
    }

    public static nint AllocCoTaskMem(int bytes, int site) => Allocated(Marshal.AllocCoTaskMem(bytes), bytes, site);

    public static nint ReAllocCoTaskMem(nint address, int bytes, int site) =>
        Reallocated(address, Marshal.ReAllocCoTaskMem(address, bytes), bytes, site);

    public static void FreeCoTaskMem(nint address, int site)
    {
        if (Freeing(address, site))
            Marshal.FreeCoTaskMem(address);
    }

    public static nint StringToHGlobalAnsi(string? text, int site) => Allocated(Marshal.StringToHGlobalAnsi(text), AnsiBytes(text), site);

    public static nint StringToHGlobalUni(string? text, int site) => Allocated(Marshal.StringToHGlobalUni(text), UnicodeBytes(text), site);

    public static nint StringToHGlobalAuto(string? text, int site) => Allocated(Marshal.StringToHGlobalAuto(text), UnicodeBytes(text), site);

    public static nint StringToCoTaskMemAnsi(string? text, int site) => Allocated(Marshal.StringToCoTaskMemAnsi(text), AnsiBytes(text), site);

    public static nint StringToCoTaskMemUni(string? text, int site) => Allocated(Marshal.StringToCoTaskMemUni(text), UnicodeBytes(text), site);

    public static nint StringToCoTaskMemAuto(string? text, int site) => Allocated(Marshal.StringToCoTaskMemAuto(text), UnicodeBytes(text), site);

    public static nint StringToCoTaskMemUTF8(string? text, int site) =>
        Allocated(Marshal.StringToCoTaskMemUTF8(text), text is null ? 0 : System.Text.Encoding.UTF8.GetByteCount(text) + 1, site);

    private static long AnsiBytes(string? text) => text is null ? 0 : (long)text.Length * Marshal.SystemMaxDBCSCharSize + 1;

    private static long UnicodeBytes(string? text) => text is null ? 0 : 2L * (text.Length + 1);

    public static void* Alloc(nuint bytes, int site) => (void*)Allocated((nint)NativeMemory.Alloc(bytes), (long)bytes, site);

    public static void* Alloc(nuint count, nuint size, int site) => (void*)Allocated((nint)NativeMemory.Alloc(count, size), (long)(count * size), site);

    public static void* AllocZeroed(nuint bytes, int site) => (void*)Allocated((nint)NativeMemory.AllocZeroed(bytes), (long)bytes, site);

    public static void* AllocZeroed(nuint count, nuint size, int site) => (void*)Allocated((nint)NativeMemory.AllocZeroed(count, size), (long)(count * size), site);

    public static void* AlignedAlloc(nuint bytes, nuint alignment, int site) => (void*)Allocated((nint)NativeMemory.AlignedAlloc(bytes, alignment), (long)bytes, site);

    public static void* Realloc(void* address, nuint bytes, int site) =>
        (void*)Reallocated((nint)address, (nint)NativeMemory.Realloc(address, bytes), (long)bytes, site);

    public static void* AlignedRealloc(void* address, nuint bytes, nuint alignment, int site) =>
        (void*)Reallocated((nint)address, (nint)NativeMemory.AlignedRealloc(address, bytes, alignment), (long)bytes, site);

    public static void Free(void* address, int site)
    {
        if (Freeing((nint)address, site))
            NativeMemory.Free(address);
    }

    public static void AlignedFree(void* address, int site)
    {
        if (Freeing((nint)address, site))
            NativeMemory.AlignedFree(address);
    }

    public static GCHandle GCHandleAlloc(object? value, int site) => PinAllocated(GCHandle.Alloc(value), GCHandleType.Normal, site);

    public static GCHandle GCHandleAlloc(object? value, GCHandleType type, int site) => PinAllocated(GCHandle.Alloc(value, type), type, site);

    public static void GCHandleFree(ref GCHandle handle, int site)
    {
        var outcome = FreeOutcome.Unknown;
        nint value = handle.IsAllocated ? GCHandle.ToIntPtr(handle) : 0;
        if (s_enabled && value != 0)
        {
            try
            {
                outcome = NativeRegistry.Handles.Free(value);
                Recorder.Append(EventKind.PinFree, site, value, (long)outcome);
            }
            catch (Exception e)
            {
                InternalFaults.Fault(e);
                outcome = FreeOutcome.Unknown;
            }
        }
        if (outcome == FreeOutcome.DoubleFree)
        {
            Violations.DoubleFree($"GCHandle 0x{value:x} freed twice.");
            return;
        }
        handle.Free();
    }

    public static T[] Rent<T>(ArrayPool<T> pool, int minimumLength, int site)
    {
        var array = pool.Rent(minimumLength);
        if (s_enabled)
            Record(EventKind.PoolRent, array, array.Length, site);
        return array;
    }

    public static void Return<T>(ArrayPool<T> pool, T[] array, bool clearArray, int site)
    {
        if (s_enabled && array is not null)
            Record(EventKind.PoolReturn, array, (long)FreeOutcome.Released, site);
        pool.Return(array!, clearArray);
    }

    private static nint Allocated(nint address, long bytes, int site)
    {
        if (s_enabled && address != 0)
        {
            try
            {
                NativeRegistry.Memory.Allocated(address, bytes);
                Recorder.Append(EventKind.NativeAlloc, site, address, bytes);
            }
            catch (Exception e)
            {
                InternalFaults.Fault(e);
            }
        }
        return address;
    }

    private static nint Reallocated(nint oldAddress, nint newAddress, long bytes, int site)
    {
        if (s_enabled && newAddress != 0)
        {
            try
            {
                if (oldAddress != 0)
                {
                    NativeRegistry.Memory.Free(oldAddress);
                    Recorder.Append(EventKind.NativeRealloc, site, oldAddress, newAddress);
                }
                NativeRegistry.Memory.Allocated(newAddress, bytes);
                Recorder.Append(EventKind.NativeAlloc, site, newAddress, bytes);
            }
            catch (Exception e)
            {
                InternalFaults.Fault(e);
            }
        }
        return newAddress;
    }

    /// <summary>Records the free; false when the address was already freed and must not reach the allocator.</summary>
    private static bool Freeing(nint address, int site)
    {
        if (!s_enabled || address == 0)
            return true;
        FreeOutcome outcome;
        try
        {
            outcome = NativeRegistry.Memory.Free(address);
            Recorder.Append(EventKind.NativeFree, site, address, (long)outcome);
        }
        catch (Exception e)
        {
            InternalFaults.Fault(e);
            return true; // what MemScope cannot tell is the program's own free: it goes to the allocator as written
        }
        if (outcome != FreeOutcome.DoubleFree)
            return true;
        Violations.DoubleFree($"native block 0x{address:x} freed twice; the second free was not passed to the allocator.");
        return false;
    }

    private static GCHandle PinAllocated(GCHandle handle, GCHandleType type, int site)
    {
        if (s_enabled)
        {
            try
            {
                nint value = GCHandle.ToIntPtr(handle);
                NativeRegistry.Handles.Allocated(value);
                Recorder.Append(EventKind.PinAlloc, site, value, (long)type);
            }
            catch (Exception e)
            {
                InternalFaults.Fault(e);
            }
        }
        return handle;
    }

    private static void Record(EventKind kind, object array, long value, int site)
    {
        try
        {
            Recorder.Append(kind, site, ObjectIdentity.IdOf(array, site), value);
        }
        catch (Exception e)
        {
            InternalFaults.Fault(e);
        }
    }
}
