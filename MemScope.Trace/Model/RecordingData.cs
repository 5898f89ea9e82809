using System.Collections.Generic;

namespace MemScopeTrace.Model;

/// <summary>
/// What a recording is made of, before it is put in order: the recorder's snapshot of this process, or the
/// blocks of a trace file. <see cref="Events"/> lists each thread's events in the order that thread recorded them.
/// </summary>
public sealed record RecordingData(RecordedEvent[] Events, long Dropped, List<RecordedThread> Threads)
{
    public List<GcSample> GcSamples { get; init; } = new();

    /// <summary>The Activities events were attributed to, by id.</summary>
    public List<ActivityInfo> Activities { get; init; } = new();

    /// <summary>GC AllocationTick samples, or null when system allocation sampling was off.</summary>
    public List<AllocationSample>? SystemAllocations { get; init; }

    /// <summary>The types of the objects in <see cref="Events"/>, by id.</summary>
    public Dictionary<int, TypeInfo> Types { get; init; } = new();

    /// <summary>1 when every allocation was recorded; N when one in N was (MEMSCOPE_SAMPLE).</summary>
    public int SampleOneIn { get; init; } = 1;

    /// <summary>Stopwatch ticks per second of the process that recorded the events.</summary>
    public long TimestampFrequency { get; init; } = System.Diagnostics.Stopwatch.Frequency;

    /// <summary>Bytes of event buffers when the snapshot was taken, and their bound.</summary>
    public long BufferBytes { get; init; }
    public long BufferLimitBytes { get; init; }

    /// <summary>How many of <see cref="Events"/> came back from the stream's spill file (MEMSCOPE_STREAM) rather than from memory.</summary>
    public long EventsStreamed { get; init; }
}
