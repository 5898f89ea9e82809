using System;
using System.Threading;
using MemScopeTrace.Model;

namespace MemScopeRuntime.Capture;

/// <summary>
/// A fixed-size block of events written by exactly one thread. The array outlives the chunk when
/// streaming: once the chunk is on disk its array is recycled into a new chunk (<see cref="ChunkPool"/>).
/// </summary>
internal sealed class EventChunk
{
    public const int Capacity = 4096;

    public readonly TraceEvent[] Events;
    public readonly ThreadLog Owner;

    /// <summary>The chunk's place among its owner's chunks: a snapshot lists them in this order.</summary>
    public readonly long Sequence;

    /// <summary>Written only by the owner thread (release); readers use Volatile.Read (acquire), so every event below it is complete.</summary>
    public int Count;

    public EventChunk(ThreadLog owner, TraceEvent[] events, long sequence)
    {
        Owner = owner;
        Events = events;
        Sequence = sequence;
    }
}

/// <summary>Per-thread recording state that outlives the thread: who it was, the chunk it fills and the events it had to drop.</summary>
internal sealed class ThreadLog
{
    public readonly int ThreadId;
    public readonly string? ThreadName;

    // Weak, so that a log (kept for the report) does not keep a dead thread's Thread object alive.
    private readonly WeakReference<Thread> _thread;

    /// <summary>Written only by the owner thread; read by the exporter with Volatile.Read.</summary>
    public long Dropped;

    /// <summary>
    /// The chunk the thread is filling, published (Volatile.Write) by the owner when it switches chunks, so a
    /// snapshot can read it; null while the thread has none. The stream writer takes it over only once the thread
    /// has exited.
    /// </summary>
    public EventChunk? Current;

    /// <summary>The sequence of the thread's next chunk; used only by the owner thread.</summary>
    public long NextChunkSequence;

    /// <summary>The thread's block of object ids (<see cref="Identity.IdAllocator"/>); used only by the owner thread.</summary>
    public long NextId, IdLimit;

    /// <summary>Picks the sampled objects whose collection is watched (<see cref="Identity.CollectionWatch"/>); owner thread only.</summary>
    public GeometricSampler WatchSampler;

    public ThreadLog(Thread thread)
    {
        ThreadId = thread.ManagedThreadId;
        ThreadName = thread.Name;
        _thread = new WeakReference<Thread>(thread);
    }

    /// <summary>True once the thread can never append again, so its last, partly filled chunk can be written out.</summary>
    public bool HasExited => !_thread.TryGetTarget(out var thread) || !thread.IsAlive;

    public void CountDrop() => Volatile.Write(ref Dropped, Dropped + 1);
}
