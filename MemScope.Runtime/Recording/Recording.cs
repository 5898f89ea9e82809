using System;
using System.Collections.Generic;
using MemScopeRuntime.Identity;
using MemScopeRuntime.Sites;

namespace MemScopeRuntime.Recording;

/// <summary>A consistent copy of everything recorded, in time order, with sites and type names resolved.</summary>
public sealed class Recording
{
    private readonly Dictionary<int, TypeInfo> _types;

    private readonly RecorderSnapshot _snapshot;

    internal Recording(RecorderSnapshot snapshot, SiteTable sites, long startTimestamp, DateTimeOffset startedAt, long faults)
    {
        _snapshot = snapshot;
        var events = snapshot.Events;
        // Stable: events of one thread keep their order when timestamps tie.
        var order = new long[events.Length];
        for (int i = 0; i < events.Length; i++)
            order[i] = events[i].Timestamp;
        var sorted = (RecordedEvent[])events.Clone();
        Array.Sort(order, sorted);
        Events = sorted;

        Sites = sites;
        DroppedEvents = snapshot.Dropped;
        Threads = snapshot.Threads;
        StartTimestamp = startTimestamp;
        StartedAt = startedAt;
        InternalFaults = faults;
        _types = snapshot.Types ?? TypesOfThisProcess(sorted);
    }

    /// <summary>Every type identified in the events, described from the live types of this process.</summary>
    private static Dictionary<int, TypeInfo> TypesOfThisProcess(RecordedEvent[] events)
    {
        var types = new Dictionary<int, TypeInfo>();
        foreach (var e in events)
        {
            if (e.Kind is not (EventKind.Identify or EventKind.Alloc))
                continue;
            int typeId = IdentityValue.Unpack(e.Value).TypeId;
            if (!types.ContainsKey(typeId))
                types[typeId] = TypeRegistry.TypeOf(typeId) is { } type ? TypeInfo.Of(typeId, type) : TypeInfo.Unknown(typeId);
        }
        return types;
    }

    public IReadOnlyList<RecordedEvent> Events { get; }

    /// <summary>GC state over time, sampled in the background and at the snapshot.</summary>
    public IReadOnlyList<Gc.GcSample> GcSamples => _snapshot.GcSamples;

    /// <summary>The Activities (requests, operations) events ran under; see <see cref="EventKind.ActivityChange"/>.</summary>
    public IReadOnlyList<ActivityInfo> Activities => _snapshot.Activities;

    /// <summary>AllocationTick samples of all allocations of the process, or null when that sampling was off.</summary>
    public IReadOnlyList<Gc.AllocationSample>? SystemAllocations => _snapshot.SystemAllocations;

    /// <summary>1 when every allocation was recorded; N when one in N was, so allocation totals estimate N times what was recorded.</summary>
    public int SampleOneIn => _snapshot.SampleOneIn;

    public long BufferBytes => _snapshot.BufferBytes;
    public long BufferLimitBytes => _snapshot.BufferLimitBytes;

    /// <summary>Events that were streamed to disk while recording (MEMSCOPE_STREAM) and read back for this recording.</summary>
    public long EventsStreamed => _snapshot.EventsStreamed;
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
        var events = Array.FindAll(_snapshot.Events, e => e.Timestamp >= timestamp);
        var samples = _snapshot.GcSamples.FindAll(s => s.Timestamp >= timestamp);
        var allocations = _snapshot.SystemAllocations?.FindAll(s => s.Timestamp >= timestamp);
        return new Recording(_snapshot with { Events = events, GcSamples = samples, SystemAllocations = allocations, Types = _types }, Sites, StartTimestamp, StartedAt, InternalFaults);
    }

    public string TypeName(int typeId) => Type(typeId).Name;

    public TypeInfo Type(int typeId) => _types.TryGetValue(typeId, out var type) ? type : TypeInfo.Unknown(typeId);

    /// <summary>The types of the objects in this recording, by id.</summary>
    public IReadOnlyDictionary<int, TypeInfo> Types => _types;

    /// <summary>Milliseconds since the session started.</summary>
    public double ToMilliseconds(long timestamp) => TicksToMilliseconds(timestamp - StartTimestamp);

    /// <summary>A duration in the recording's Stopwatch ticks (those of the process that recorded it), in milliseconds.</summary>
    public double TicksToMilliseconds(long ticks) => ticks * 1000.0 / _snapshot.TimestampFrequency;
}
