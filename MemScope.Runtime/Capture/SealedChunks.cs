using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using MemScopeTrace.Model;

namespace MemScopeRuntime.Capture;

/// <summary>
/// Full chunks, in the order they were sealed, that are still in memory. Without streaming they stay here until
/// export; with streaming the writer takes them from the front. Adding is lock-free (one CAS per 4,096 events).
/// </summary>
internal sealed class SealedChunks
{
    private readonly ConcurrentQueue<EventChunk> _queue = new();
    private long _sealedEvents;

    /// <summary>Events in every chunk ever sealed, streamed or not: with the threads' current chunks, all events kept.</summary>
    public long SealedEventCount => Volatile.Read(ref _sealedEvents);

    /// <summary>Called by the chunk's owner when it is full, or by the stream writer once the owner has exited.</summary>
    public void Add(EventChunk chunk)
    {
        // Enqueued first: should the queue fail to grow (out of memory), nothing was counted and the owner tries again.
        _queue.Enqueue(chunk);
        Interlocked.Add(ref _sealedEvents, Volatile.Read(ref chunk.Count));
    }

    public bool TryPeek(out EventChunk? chunk) => _queue.TryPeek(out chunk);

    public bool TryRemoveOldest() => _queue.TryDequeue(out _);

    /// <summary>The chunks in memory at this moment.</summary>
    public IEnumerable<EventChunk> InMemory => _queue;

    /// <summary>Forgets every chunk in memory and hands back their arrays, which nobody will read again.</summary>
    public List<TraceEvent[]> Clear()
    {
        var arrays = new List<TraceEvent[]>();
        while (_queue.TryDequeue(out var chunk))
            arrays.Add(chunk.Events);
        Interlocked.Exchange(ref _sealedEvents, 0);
        return arrays;
    }
}
