using System.Collections.Generic;

namespace MemScopeRuntime.Recording;

/// <summary>An event together with the managed thread that recorded it.</summary>
public readonly record struct RecordedEvent(TraceEvent Event, int ThreadId)
{
    public EventKind Kind => Event.Kind;
    public long Timestamp => Event.Timestamp;
    public long ObjectId => Event.ObjectId;
    public long Value => Event.Value;
    public int Site => Event.Site;
}

public readonly record struct RecordedThread(int ThreadId, string? Name);

internal sealed record RecorderSnapshot(RecordedEvent[] Events, long Dropped, List<RecordedThread> Threads)
{
    public List<Gc.GcSample> GcSamples { get; init; } = new();

    /// <summary>The Activities events were attributed to, by id.</summary>
    public List<Identity.ActivityInfo> Activities { get; init; } = new();

    /// <summary>GC AllocationTick samples, or null when system allocation sampling was off.</summary>
    public List<Gc.AllocationSample>? SystemAllocations { get; init; }

    /// <summary>Type descriptions when they do not come from this process's live types (a trace file, a sub-range).</summary>
    public Dictionary<int, Identity.TypeInfo>? Types { get; init; }

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
