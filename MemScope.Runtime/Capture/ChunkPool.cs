using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using MemScopeTrace.Model;

namespace MemScopeRuntime.Capture;

/// <summary>
/// The event arrays of all chunks, bounded by <see cref="MaxChunks"/>. An array is allocated only while the
/// budget allows; when streaming, arrays whose events are on disk come back through <see cref="Return"/>
/// and are handed out again, so the tracker's memory stays under the bound however long the program records.
/// </summary>
internal sealed class ChunkPool
{
    public static readonly long ChunkBytes = (long)EventChunk.Capacity * Unsafe.SizeOf<TraceEvent>();

    // A Treiber stack: renting and returning are one compare-and-swap each, once per 4,096 events.
    private readonly ConcurrentStack<TraceEvent[]> _free = new();
    private long _allocated;

    public ChunkPool(long maxChunks) => MaxChunks = maxChunks;

    public long MaxChunks { get; }

    /// <summary>Arrays allocated so far (at most the bound): the tracker's memory for events, in use or free.</summary>
    public long AllocatedChunks => Math.Min(Volatile.Read(ref _allocated), MaxChunks);

    /// <summary>An empty array for a new chunk, or null when the budget is spent and none is free: the caller drops.</summary>
    public TraceEvent[]? TryRent()
    {
        if (_free.TryPop(out var events))
            return events;
        // Read before the increment, so that a full budget costs no interlocked operation per dropped event.
        if (Volatile.Read(ref _allocated) >= MaxChunks || Interlocked.Increment(ref _allocated) > MaxChunks)
            return null;
        return new TraceEvent[EventChunk.Capacity];
    }

    /// <summary>An array whose events nobody will read again (they are on disk).</summary>
    public void Return(TraceEvent[] events) => _free.Push(events);

    public static long ForMegabytes(int megabytes) => Math.Max(1, megabytes * 1024L * 1024L / ChunkBytes);
}
