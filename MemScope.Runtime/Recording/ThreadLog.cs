using System.Threading;

namespace MemScopeRuntime.Recording;

/// <summary>A fixed-size block of events written by exactly one thread.</summary>
internal sealed class EventChunk
{
    public const int Capacity = 4096;

    public readonly TraceEvent[] Events = new TraceEvent[Capacity];
    public readonly ThreadLog Owner;

    /// <summary>Written only by the owner thread (release); readers use Volatile.Read (acquire), so every event below it is complete.</summary>
    public int Count;

    public EventChunk(ThreadLog owner) => Owner = owner;
}

/// <summary>Per-thread recording state that outlives the thread: who it was and the events it had to drop.</summary>
internal sealed class ThreadLog
{
    public readonly int ThreadId;
    public readonly string? ThreadName;

    /// <summary>Written only by the owner thread; read by the exporter with Volatile.Read.</summary>
    public long Dropped;

    public ThreadLog(int threadId, string? threadName)
    {
        ThreadId = threadId;
        ThreadName = threadName;
    }

    public void CountDrop() => Volatile.Write(ref Dropped, Dropped + 1);
}
