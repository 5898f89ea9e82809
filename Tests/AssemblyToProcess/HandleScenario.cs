using System;
using System.Runtime.InteropServices;

namespace AssemblyToProcess;

/// <summary>A user-defined handle over a fake value: releasing it only counts.</summary>
public sealed class FakeHandle : SafeHandle
{
    public static int Released;

    public FakeHandle(nint value) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(value);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        Released++;
        return true;
    }
}

public static class HandleScenario
{
    [Tracked]
    public static nint RefCounting()
    {
        var handle = new FakeHandle(42);
        bool first = false, second = false;
        handle.DangerousAddRef(ref first);
        handle.DangerousAddRef(ref second);
        nint raw = handle.DangerousGetHandle();
        handle.DangerousRelease();
        handle.DangerousRelease();
        handle.Dispose();
        return raw;
    }

    [Tracked]
    public static bool UseClosedHandle()
    {
        var handle = new FakeHandle(7);
        handle.Close();
        try
        {
            bool added = false;
            handle.DangerousAddRef(ref added);
            return added;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    [Tracked]
    public static void ReleaseBelowZero()
    {
        var handle = new FakeHandle(9);
        handle.DangerousRelease(); // releases the owner's reference: the handle closes
        handle.SetHandleAsInvalid();
    }
}
