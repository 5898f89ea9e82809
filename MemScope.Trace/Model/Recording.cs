using System;
using System.Collections.Generic;
using System.Threading;

namespace MemScopeTrace.Model;

/// <summary>A consistent copy of everything recorded, in time order, with sites and type names resolved.</summary>
public sealed class Recording
{
    private readonly Dictionary<int, TypeInfo> _types;

    private readonly RecordingData _data;

    public Recording(RecordingData data, SiteTable sites, long startTimestamp, DateTimeOffset startedAt, long faults)
    {
        _data = data;
        Sites = sites;
        DroppedEvents = data.Dropped;
        Threads = data.Threads;
        StartTimestamp = startTimestamp;
        StartedAt = startedAt;
        InternalFaults = faults;
        _types = data.Types;
    }

    private RecordedEvent[]? _ordered;

    /// <summary>Every event in the recording's order (see <see cref="EventOrder"/>), ordered on first use.</summary>
    public IReadOnlyList<RecordedEvent> Events
    {
        get
        {
            if (Volatile.Read(ref _ordered) is { } ordered)
                return ordered;
            // Two threads asking at once both order the same events the same way; either result may be kept.
            Interlocked.CompareExchange(ref _ordered, EventOrder.Sort(_data.Events), null);
            return _ordered!;
        }
    }

    /// <summary>How many events the recording holds, counted without ordering them.</summary>
    public int EventCount => _data.Events.Length;

    /// <summary>The events as recorded: each thread's in its order, threads interleaved as they were copied. Writing a trace needs no more.</summary>
    internal RecordedEvent[] EventsAsRecorded => _data.Events;

    /// <summary>GC state over time, sampled in the background and at the snapshot.</summary>
    public IReadOnlyList<GcSample> GcSamples => _data.GcSamples;

    /// <summary>The Activities (requests, operations) events ran under; see <see cref="EventKind.ActivityChange"/>.</summary>
    public IReadOnlyList<ActivityInfo> Activities => _data.Activities;

    /// <summary>AllocationTick samples of all allocations of the process, or null when that sampling was off.</summary>
    public IReadOnlyList<AllocationSample>? SystemAllocations => _data.SystemAllocations;

    /// <summary>1 when every allocation was recorded; N when one in N was, so allocation totals estimate N times what was recorded.</summary>
    public int SampleOneIn => _data.SampleOneIn;

    public long BufferBytes => _data.BufferBytes;
    public long BufferLimitBytes => _data.BufferLimitBytes;

    /// <summary>Events that were streamed to disk while recording (MEMSCOPE_STREAM) and read back for this recording.</summary>
    public long EventsStreamed => _data.EventsStreamed;
    public SiteTable Sites { get; }
    public long DroppedEvents { get; }
    public IReadOnlyList<RecordedThread> Threads { get; }
    public long StartTimestamp { get; }
    public DateTimeOffset StartedAt { get; }
    public long InternalFaults { get; }

    /// <summary>Set when this recording was read from a spill file (a process still recording, or one that ended without exporting).</summary>
    public Recovery? Recovery { get; internal set; }

    /// <summary>The part of this recording from <paramref name="timestamp"/> on: what a scope or checkpoint saw.</summary>
    public Recording Since(long timestamp)
    {
        var events = Array.FindAll(_data.Events, e => e.Timestamp >= timestamp);
        var samples = _data.GcSamples.FindAll(s => s.Timestamp >= timestamp);
        var allocations = _data.SystemAllocations?.FindAll(s => s.Timestamp >= timestamp);
        return new Recording(_data with { Events = events, GcSamples = samples, SystemAllocations = allocations }, Sites, StartTimestamp, StartedAt, InternalFaults);
    }

    public string TypeName(int typeId) => Type(typeId).Name;

    public TypeInfo Type(int typeId) => _types.TryGetValue(typeId, out var type) ? type : TypeInfo.Unknown(typeId);

    /// <summary>The types of the objects in this recording, by id.</summary>
    public IReadOnlyDictionary<int, TypeInfo> Types => _types;

    /// <summary>Milliseconds since the session started.</summary>
    public double ToMilliseconds(long timestamp) => TicksToMilliseconds(timestamp - StartTimestamp);

    /// <summary>A duration in the recording's Stopwatch ticks (those of the process that recorded it), in milliseconds.</summary>
    public double TicksToMilliseconds(long ticks) => ticks * 1000.0 / _data.TimestampFrequency;
}
