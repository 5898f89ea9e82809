using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using MemScopeRuntime.Capture;
using MemScopeRuntime.Guards;
using MemScopeRuntime.Identity;
using MemScopeTrace.Model;

namespace MemScopeRuntime;

// P/Invoke calls from tracked code: entry, exit with duration, and pointer or handle arguments.
public static partial class Probe
{
    /// <summary>Before the call; returns the timestamp <see cref="PInvokeExit"/> measures from.</summary>
    public static long PInvokeEnter(int site)
    {
        if (!s_enabled)
            return 0;
        try
        {
            Recorder.Append(EventKind.PInvokeEnter, site, 0, 0);
        }
        catch (Exception e)
        {
            InternalFaults.Fault(e);
        }
        return Stopwatch.GetTimestamp();
    }

    public static void PInvokeExit(long started, int site)
    {
        if (!s_enabled)
            return;
        try
        {
            Recorder.Append(EventKind.PInvokeExit, site, 0, Stopwatch.GetTimestamp() - started);
        }
        catch (Exception e)
        {
            InternalFaults.Fault(e);
        }
    }

    /// <summary>A pointer argument: a block tracked code already freed is a use after free across the boundary.</summary>
    public static void PInvokePointer(nint address, int index, int site)
    {
        if (!s_enabled)
            return;
        bool freed;
        try
        {
            freed = address != 0 && NativeRegistry.Memory.IsFreed(address);
            Recorder.Append(EventKind.PInvokeArg, site, address, PInvokeArgument.Pack(index, freed ? PInvokeArgument.FreedPointer : 0));
        }
        catch (Exception e)
        {
            InternalFaults.Fault(e);
            return;
        }
        if (freed)
            Violations.FreedPointerPassedToNative($"native block 0x{address:x} passed to native code after it was freed.");
    }

    public static void PInvokeHandle(SafeHandle? handle, int index, int site)
    {
        if (!s_enabled || handle is null)
            return;
        bool closed = handle.IsClosed;
        try
        {
            long id = ObjectIdentity.IdOf(handle, site);
            Recorder.Append(EventKind.PInvokeArg, site, id, PInvokeArgument.Pack(index, PInvokeArgument.IsHandle | (closed ? PInvokeArgument.ClosedHandle : 0)));
        }
        catch (Exception e)
        {
            InternalFaults.Fault(e);
            return;
        }
        if (closed)
            Violations.UseAfterDispose(handle, "a P/Invoke call");
    }
}
