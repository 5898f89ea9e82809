using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Threading;
using MemScopeTrace.Model;

namespace MemScopeRuntime.Gc;

/// <summary>
/// Listens to the runtime's GC AllocationTick events (MEMSCOPE_SYSTEM_ALLOCATIONS=1): the .NET counterpart of
/// memscope-rs's "system allocations". Off by default: the listener costs a little on every tick.
/// </summary>
internal sealed class AllocationTickListener : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    // About one tick per 100 KB allocated: a busy service makes thousands a second; keep the run's shape, bounded.
    private static readonly SampleSeries<AllocationSample> s_samples = new(100_000);
    private static AllocationTickListener? s_listener;

    public static void Start()
    {
        if (Volatile.Read(ref s_listener) is null)
            Interlocked.CompareExchange(ref s_listener, new AllocationTickListener(), null);
    }

    public static bool IsRunning => Volatile.Read(ref s_listener) is not null;

    public static List<AllocationSample> Snapshot() => s_samples.Snapshot();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (data.EventName is null || !data.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || data.Payload is null)
            return;
        try
        {
            string typeName = Field(data, "TypeName") as string ?? "?";
            long bytes = Convert.ToInt64(Field(data, "AllocationAmount64") ?? Field(data, "AllocationAmount") ?? 0L);
            bool large = Convert.ToInt32(Field(data, "AllocationKind") ?? 0) == 1;
            s_samples.Add(new AllocationSample(Stopwatch.GetTimestamp(), typeName, bytes, large));
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            InternalFaults.Fault(e);
        }
    }

    private static object? Field(EventWrittenEventArgs data, string name)
    {
        int index = data.PayloadNames?.IndexOf(name) ?? -1;
        return index >= 0 && index < data.Payload!.Count ? data.Payload[index] : null;
    }
}
