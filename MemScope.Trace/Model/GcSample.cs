namespace MemScopeTrace.Model;

/// <summary>The GC's state at one moment (GC.GetGCMemoryInfo and collection counts), kept beside the event stream.</summary>
/// <remarks>
/// GC.GetGCMemoryInfo describes the heap as of the last collection (all zeros before the first one);
/// <see cref="AllocatedNowBytes"/> is GC.GetTotalMemory(false), the bytes in use at the moment of the sample.
/// </remarks>
public sealed record GcSample(
    long Timestamp,
    long AllocatedNowBytes,
    long HeapBytes,
    long CommittedBytes,
    long FragmentedBytes,
    long TotalAllocatedBytes,
    long PromotedBytes,
    long PinnedObjects,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    long LastGcIndex,
    int LastGcGeneration,
    double LastPauseMs,
    double TotalPauseMs,
    GenerationSample[] Generations);

/// <summary>One generation (0, 1, 2, LOH, POH) after the last collection.</summary>
public sealed record GenerationSample(string Name, long SizeBytes, long FragmentedBytes);
