using System;
using System.Runtime.InteropServices;

/// <summary>
/// Owns a (fake) device handle. The value stands in for what an OS open call would return, so
/// ReleaseHandle has nothing to close; it only notes that the runtime asked it to.
/// </summary>
internal sealed class DeviceHandle : SafeHandle
{
    public DeviceHandle(int deviceNumber)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(new IntPtr(0x1000 + deviceNumber));
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public bool Released { get; private set; }

    protected override bool ReleaseHandle()
    {
        Released = true;
        return true;
    }
}

/// <summary>
/// Keeps a device handle alive while a worker uses it: one DangerousAddRef when the lease is taken,
/// one DangerousRelease when it is disposed.
/// </summary>
[Tracked]
internal sealed class DeviceLease : IDisposable
{
    private readonly DeviceHandle _device;
    private readonly string _worker;
    private bool _referenced;

    public DeviceLease(DeviceHandle device, string worker)
    {
        _device = device;
        _worker = worker;
        device.DangerousAddRef(ref _referenced);
        Console.WriteLine($"{worker}: lease taken (AddRef)");
    }

    public string Read() => $"{_worker}: read from device 0x{_device.DangerousGetHandle().ToInt64():X}";

    public void Dispose()
    {
        if (!_referenced)
            return;
        _referenced = false;
        _device.DangerousRelease();
        Console.WriteLine($"{_worker}: lease returned (Release)");
    }
}
