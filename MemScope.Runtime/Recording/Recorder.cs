using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace MemScopeRuntime.Recording;

/// <summary>
/// Appends events to a buffer owned by the calling thread. The hot path (<see cref="Append"/>)
/// takes no lock, makes no interlocked operation and allocates nothing; only when a chunk is full
/// does <see cref="NextChunk"/> allocate a new one and publish it with one compare-and-swap.
/// Memory is bounded by <see cref="MaxChunks"/>: past it, events are dropped and counted per thread.
/// </summary>
internal static class Recorder
{
    [ThreadStatic] private static EventChunk? t_chunk;
    [ThreadStatic] private static ThreadLog? t_log;

    private static readonly AppendOnlyList<EventChunk> s_chunks = new();
    private static readonly AppendOnlyList<ThreadLog> s_threads = new();
    private static long s_chunksAllocated;
    private static volatile bool s_budgetExhausted;

    public static readonly long MaxChunks = ComputeMaxChunks(RuntimeSettings.MaxBufferMegabytes);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Append(EventKind kind, int site, long objectId, long value)
    {
        EventChunk? chunk = t_chunk;
        if (chunk is null || chunk.Count == EventChunk.Capacity)
        {
            chunk = NextChunk();
            if (chunk is null)
                return;
        }

        int index = chunk.Count;
        // Count never exceeds Capacity, so the bounds check the JIT would add is provably redundant.
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(chunk.Events), index) =
            new TraceEvent(Stopwatch.GetTimestamp(), kind, site, objectId, value);
        Volatile.Write(ref chunk.Count, index + 1);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static EventChunk? NextChunk()
    {
        ThreadLog log = t_log ??= RegisterThread();
        if (s_budgetExhausted || Interlocked.Increment(ref s_chunksAllocated) > MaxChunks)
        {
            s_budgetExhausted = true;
            log.CountDrop();
            return null;
        }

        EventChunk chunk;
        try
        {
            chunk = new EventChunk(log);
        }
        catch (OutOfMemoryException e)
        {
            // The program is short of memory: MemScope gives way, counts the loss, and never throws into it.
            Diagnostics.Fault(e);
            log.CountDrop();
            return null;
        }
        s_chunks.Add(chunk);
        t_chunk = chunk;
        return chunk;
    }

    private static ThreadLog RegisterThread()
    {
        var thread = Thread.CurrentThread;
        var log = new ThreadLog(thread.ManagedThreadId, thread.Name);
        s_threads.Add(log);
        return log;
    }

    /// <summary>
    /// Copies every event recorded so far. Safe while other threads keep recording: each chunk is read
    /// up to the count its owner has published, so no event is torn and none is seen twice.
    /// </summary>
    public static RecorderSnapshot Snapshot()
    {
        var chunks = s_chunks.Snapshot();
        var counts = new int[chunks.Count];
        int total = 0;
        for (int i = 0; i < chunks.Count; i++)
        {
            counts[i] = Volatile.Read(ref chunks[i].Count);
            total += counts[i];
        }

        var events = new RecordedEvent[total];
        int next = 0;
        for (int i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            int threadId = chunk.Owner.ThreadId;
            for (int j = 0; j < counts[i]; j++)
                events[next++] = new RecordedEvent(chunk.Events[j], threadId);
        }

        long dropped = 0;
        var threads = s_threads.Snapshot();
        foreach (var log in threads)
            dropped += Volatile.Read(ref log.Dropped);

        return new RecorderSnapshot(events, dropped, threads.ConvertAll(t => new RecordedThread(t.ThreadId, t.ThreadName)))
        {
            BufferBytes = BufferBytes,
            BufferLimitBytes = BufferLimitBytes,
            SampleOneIn = RuntimeSettings.SampleOneIn,
        };
    }

    /// <summary>Events recorded and dropped so far, counted without copying them.</summary>
    public static long CountEvents()
    {
        long count = 0;
        foreach (var chunk in s_chunks.Snapshot())
            count += Volatile.Read(ref chunk.Count);
        foreach (var log in s_threads.Snapshot())
            count += Volatile.Read(ref log.Dropped);
        return count;
    }

    /// <summary>Events dropped so far because the buffer was full.</summary>
    public static long CountDropped()
    {
        long dropped = 0;
        foreach (var log in s_threads.Snapshot())
            dropped += Volatile.Read(ref log.Dropped);
        return dropped;
    }

    /// <summary>Bytes held by event chunks: the tracker's own memory for recorded events.</summary>
    public static long BufferBytes => Math.Min(Volatile.Read(ref s_chunksAllocated), MaxChunks) * EventChunk.Capacity * Unsafe.SizeOf<TraceEvent>();

    public static long BufferLimitBytes => MaxChunks * EventChunk.Capacity * Unsafe.SizeOf<TraceEvent>();

    /// <summary>
    /// Forgets everything recorded so far and frees the buffer budget. For benchmarks, which record far
    /// more events than any budget holds; never called by the woven program.
    /// </summary>
    internal static void DiscardRecorded()
    {
        s_chunks.Clear();
        Interlocked.Exchange(ref s_chunksAllocated, 0);
        s_budgetExhausted = false;
    }

    private static long ComputeMaxChunks(int megabytes)
    {
        long chunkBytes = (long)EventChunk.Capacity * Unsafe.SizeOf<TraceEvent>();
        return Math.Max(1, megabytes * 1024L * 1024L / chunkBytes);
    }
}
