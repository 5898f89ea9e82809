namespace MemScopeTrace.Model;

/// <summary>
/// One GC AllocationTick: the runtime reports roughly every 100 KB allocated, naming the type of the object
/// that crossed the threshold. Summed per type it estimates where all allocations (tracked or not) go.
/// </summary>
public sealed record AllocationSample(long Timestamp, string TypeName, long Bytes, bool LargeObjectHeap);
