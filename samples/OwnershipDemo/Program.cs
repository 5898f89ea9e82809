using System;

// memscope-rs's ownership demo in C#. .NET has no borrow checker, so "ownership" is a convention:
// whoever holds the last reference is responsible for the object. MemScope makes the convention
// visible by recording every tracked local and field that held each object, and the refcount of
// every SafeHandle. Nothing here is wrong: the report of this sample must contain no leak and no
// violation.
internal static class Program
{
    [Tracked]
    private static void Main()
    {
        Console.WriteLine("MemScope ownership demo");

        MoveOneFrame();
        ShareOnePolicy();
        LeaseOneDevice();

        PrintReport(MemScope.Export("ownership_demo"));
    }

    // A frame moves local -> FrameReader._pending -> FrameWriter._queued. Every hand-off clears the
    // previous holder (the C# spelling of a Rust move), so the report shows one holder at a time.
    [Tracked]
    private static void MoveOneFrame()
    {
        Console.WriteLine("-- move: one frame, one owner at a time");

        byte[]? frame = new byte[32];
        for (int i = 0; i < frame.Length; i++)
            frame[i] = (byte)(i * 3);
        Console.WriteLine($"local 'frame' owns {frame.Length} bytes");

        var reader = new FrameReader();
        reader.Accept(frame);
        frame = null; // the reader owns the frame now; dropping our reference makes the move explicit
        Console.WriteLine($"reader owns a frame: {reader.HasFrame}");

        var writer = new FrameWriter();
        writer.Enqueue(reader.HandOff());
        Console.WriteLine($"after the hand-off: reader owns a frame: {reader.HasFrame}, writer queued {writer.QueuedBytes} bytes");
        Console.WriteLine($"writer flushed {writer.Flush()} bytes, checksum {writer.LastChecksum}");
    }

    // One policy object, four holders at once: the local 'policy', the alias 'current', and the
    // fields of both services. In memscope-rs terms this is an Rc whose strong_count goes up to 4.
    [Tracked]
    private static void ShareOnePolicy()
    {
        Console.WriteLine("-- share: two services hold the same retry policy");

        var policy = new RetryPolicy(maxAttempts: 3, backoffMilliseconds: 50);
        RetryPolicy current = policy;
        var orders = new OrderService(policy);
        var billing = new BillingService(policy);

        Console.WriteLine($"orders and billing share one policy: {ReferenceEquals(orders.Policy, billing.Policy)}");
        Console.WriteLine($"the alias sees the same policy: {ReferenceEquals(current, policy)}");
        Console.WriteLine(orders.Submit("order-1001"));
        Console.WriteLine(billing.Charge("order-1001", 42.50m));
    }

    // A SafeHandle is .NET's reference-counted owner of an OS handle. Each lease takes a reference
    // with DangerousAddRef and gives it back with DangerousRelease; Dispose closes the handle once the
    // last lease is gone. The count goes 1 -> 2 -> 3 -> 2 -> 1 -> closed.
    [Tracked]
    private static void LeaseOneDevice()
    {
        Console.WriteLine("-- refcount: one device handle, two leases");

        var device = new DeviceHandle(deviceNumber: 3);
        Console.WriteLine($"device 3 open: {!device.IsInvalid}");

        using (var sensor = new DeviceLease(device, "sensor"))
        using (var logger = new DeviceLease(device, "logger"))
        {
            Console.WriteLine(sensor.Read());
            Console.WriteLine(logger.Read());
        }

        device.Dispose();
        Console.WriteLine($"device closed: {device.IsClosed}, native handle released: {device.Released}");
    }

    // Everything before the "Report:" line is the program's own output, identical with tracking on
    // and off; the report line itself (path, counts, duration) varies from run to run.
    private static void PrintReport(ExportResult? result)
    {
        if (result is null)
        {
            Console.WriteLine("MemScope is disabled (MEMSCOPE_ENABLED=0): no report written.");
            return;
        }
        Console.WriteLine($"Report: {result.Directory} ({result.EventsExported} events, {result.EventsDropped} dropped, {result.Duration.TotalMilliseconds:F1} ms)");
        foreach (var file in result.Files)
            Console.WriteLine($"  {file}");
    }
}
