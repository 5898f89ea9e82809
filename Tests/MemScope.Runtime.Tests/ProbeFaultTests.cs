using System;
using System.Buffers;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.Win32.SafeHandles;
using MemScopeRuntime;
using Xunit;

namespace MemScopeRuntimeTests;

/// <summary>
/// Every entry point woven code calls is guarded: when MemScope's own recorder fails (a fault injected on the calling
/// thread), each probe and native-memory shim returns normally, does what the program asked (the block is really
/// allocated and freed, the array really rented), and counts the fault.
/// </summary>
public class ProbeFaultTests
{
    private const int Site = -7_000_000; // a site no woven assembly uses

    [Fact(Timeout = 60_000)]
    public async System.Threading.Tasks.Task Every_probe_and_shim_returns_normally_and_counts_the_fault_when_the_recorder_fails()
    {
        int calls = 0;
        long before = InternalFaults.FaultCount;
        Exception? escaped = null;
        var thread = new Thread(() =>
        {
            try
            {
                InternalFaults.InjectOnThisThread();
                calls = CallEveryEntryPoint();
            }
            catch (Exception e)
            {
                escaped = e;
            }
        });
        thread.Start();
        await System.Threading.Tasks.Task.Run(thread.Join);

        Assert.Null(escaped);
        Assert.True(InternalFaults.FaultCount - before >= calls, $"{InternalFaults.FaultCount - before} faults counted for {calls} calls");
    }

    private static unsafe int CallEveryEntryPoint()
    {
        int calls = 0;
        void Call(Action probe)
        {
            probe();
            calls++;
        }

        var stream = new MemoryStream();
        Call(() => Probe.Alloc(stream, Site));
        Call(() => Probe.AllocArray(new byte[8], 1, Site));
        Call(() => Probe.AllocString(new string('x', 3), Site));
        Call(() => Probe.AllocAny(new object(), Site));
        Call(() => Probe.AllocClone(new object(), Site));
        Call(() => Probe.Bind(new object(), null, Site));
        Call(() => Probe.ScopeEnd(stream, Site));
        Call(() => Probe.Subscribe(typeof(ProbeFaultTests), (EventHandler)((_, _) => { }), Site));
        Call(() => Probe.Unsubscribe(typeof(ProbeFaultTests), (EventHandler)((_, _) => { }), Site));
        Call(() => Probe.DisposeExit(stream, Probe.DisposeEnter(stream, Site)));
        Call(() => Probe.DisposeCall(new MemoryStream(), Site));
        Call(() => Probe.Disposing(new MemoryStream(), Site));
        Call(() => Probe.Finalizing(stream, Site));
        using var handle = new SafeFileHandle(IntPtr.Zero, ownsHandle: false);
        Call(() => Probe.HandleAddRef(handle, Site));
        Call(() => Probe.HandleGet(handle, Site));
        Call(() => Probe.HandleRelease(handle, Site));
        Call(() => Probe.PInvokeExit(Probe.PInvokeEnter(Site), Site));
        Call(() => Probe.PInvokePointer(16, 0, Site));
        Call(() => Probe.PInvokeHandle(handle, 0, Site));

        Call(() => NativeShims.FreeHGlobal(NativeShims.AllocHGlobal(32, Site), Site));
        Call(() => NativeShims.FreeHGlobal(NativeShims.ReAllocHGlobal(Marshal.AllocHGlobal(8), 64, Site), Site));
        Call(() => NativeShims.FreeCoTaskMem(NativeShims.StringToCoTaskMemUTF8("text", Site), Site));
        Call(() => NativeShims.Free(NativeShims.AllocZeroed(16, Site), Site));
        Call(() => NativeShims.AlignedFree(NativeShims.AlignedAlloc(64, 16, Site), Site));
        Call(() =>
        {
            var pin = NativeShims.GCHandleAlloc(new byte[4], GCHandleType.Pinned, Site);
            NativeShims.GCHandleFree(ref pin, Site);
            Assert.False(pin.IsAllocated); // really freed
        });
        Call(() =>
        {
            var rented = NativeShims.Rent(ArrayPool<byte>.Shared, 128, Site);
            Assert.True(rented.Length >= 128); // really rented
            NativeShims.Return(ArrayPool<byte>.Shared, rented, false, Site);
        });
        return calls;
    }
}
