using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using MemScopeTrace.Model;

namespace MemScopeRuntime.Capture;

/// <summary>
/// Appends events to a buffer owned by the calling thread. The hot path (<see cref="Append(EventKind, int, long, long)"/>)
/// takes no lock, makes no interlocked operation and allocates nothing; only when a chunk is full
/// does <see cref="NextChunk"/> seal it (one lock-free enqueue) and take an array from the <see cref="ChunkPool"/>.
/// Memory is bounded by <see cref="MaxChunks"/>. With MEMSCOPE_STREAM a <see cref="ChunkStreamer"/> writes sealed
/// chunks to disk and gives their arrays back, so recording goes on within the bound; when the writer falls behind, a
/// thread that needs a chunk writes waiting ones itself (never blocking on a lock). Without streaming, events past the
/// bound are dropped and counted per thread.
/// </summary>
internal static class Recorder
{
    // The one thread-static of the recorder: the thread's log holds its chunk, its block of ids and its samplers, so a
    // tracked allocation reads thread-local storage once.
    [ThreadStatic] private static ThreadLog? t_log;

    private static readonly AppendOnlyList<ThreadLog> s_threads = new();
    private static readonly SealedChunks s_sealed = new();
    private static readonly ChunkPool s_pool = new(ChunkPool.ForMegabytes(RuntimeSettings.MaxBufferMegabytes));
    private static readonly ChunkStreamer? s_streamer = StartStreamer(RuntimeSettings.StreamPath);

    // Without a stream writer a snapshot still needs one lock, to run alone against DiscardRecorded.
    private static readonly object s_gate = s_streamer?.Gate ?? new object();

    public static long MaxChunks => s_pool.MaxChunks;

    /// <summary>True when full chunks are being streamed to a file (MEMSCOPE_STREAM, and no fault so far).</summary>
    public static bool IsStreaming => s_streamer?.IsStreaming ?? false;

    /// <summary>The calling thread's log, registered on its first event.</summary>
    public static ThreadLog ThisThread
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => t_log ?? RegisterThisThread();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Append(EventKind kind, int site, long objectId, long value) =>
        AppendAt(t_log, CoarseClock.Now(), kind, site, objectId, value);

    /// <summary>An event of the calling thread, whose log the caller already holds (<see cref="ThisThread"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Append(ThreadLog thisThread, EventKind kind, int site, long objectId, long value) =>
        AppendAt(thisThread, CoarseClock.Now(), kind, site, objectId, value);

    /// <summary>
    /// An event whose place among other threads' events must be exact, not within a clock period: a collection,
    /// which must come after every use of the object however close. Costs a precise clock read.
    /// </summary>
    public static void AppendSynced(EventKind kind, int site, long objectId, long value) =>
        AppendAt(t_log, CoarseClock.Sync(), kind, site, objectId, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AppendAt(ThreadLog? thisThread, long timestamp, EventKind kind, int site, long objectId, long value)
    {
        EventChunk? chunk = thisThread?.Current;
        if (chunk is null || chunk.Count == EventChunk.Capacity)
        {
            chunk = NextChunk();
            if (chunk is null)
                return;
        }

        int index = chunk.Count;
        // Count never exceeds Capacity, so the bounds check the JIT would add is provably redundant.
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(chunk.Events), index) =
            new TraceEvent(timestamp, kind, site, objectId, value);
        Volatile.Write(ref chunk.Count, index + 1);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static EventChunk? NextChunk()
    {
        ThreadLog log = ThisThread;
        try
        {
            if (log.Current is { } full)
            {
                // No longer current before it is queued: once queued, the writer may stream it and hand its array to
                // another thread, and a snapshot must not then read that array as this thread's. A snapshot that
                // looks in between misses this chunk and everything after it: this thread's events up to the chunk
                // before, a consistent prefix.
                Volatile.Write(ref log.Current, null);
                s_sealed.Add(full);
            }

            if ((s_pool.TryRent() ?? RentWhileHelpingTheWriter()) is not { } events)
            {
                log.CountDrop();
                return null;
            }
            var chunk = new EventChunk(log, events, log.NextChunkSequence++);
            Volatile.Write(ref log.Current, chunk);
            return chunk;
        }
        catch (OutOfMemoryException e)
        {
            // The program is short of memory: MemScope gives way, counts the loss, and never throws into it.
            InternalFaults.Fault(e);
            log.CountDrop();
            return null;
        }
    }

    /// <summary>
    /// Streaming, and every chunk is full or waiting for the writer: this thread writes waiting chunks to the spill file
    /// itself until one is free, so that no event is lost however many threads record. It never blocks on a lock
    /// (see <see cref="ChunkStreamer.TryWriteOldest"/>); it gives up, and the event is dropped and counted, only once
    /// streaming has stopped or no chunk at all was written for <see cref="HelpTheWriterAtMost"/> (a disk that stopped
    /// answering).
    /// </summary>
    private static TraceEvent[]? RentWhileHelpingTheWriter()
    {
        if (s_streamer is not { IsStreaming: true } streamer)
            return null;
        long written = streamer.ChunksWritten;
        long giveUpAt = Environment.TickCount64 + (long)HelpTheWriterAtMost.TotalMilliseconds;
        var spinner = new SpinWait();
        while (true)
        {
            streamer.TryWriteOldest();
            if (s_pool.TryRent() is { } events)
                return events;
            if (!streamer.IsStreaming)
                return null;
            if (streamer.ChunksWritten != written)
            {
                written = streamer.ChunksWritten;
                giveUpAt = Environment.TickCount64 + (long)HelpTheWriterAtMost.TotalMilliseconds;
            }
            else if (Environment.TickCount64 > giveUpAt)
            {
                return null;
            }
            spinner.SpinOnce();
        }
    }

    internal static readonly TimeSpan HelpTheWriterAtMost = TimeSpan.FromSeconds(2);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ThreadLog RegisterThisThread()
    {
        var log = RegisterThread();
        t_log = log;
        return log;
    }

    private static ThreadLog RegisterThread()
    {
        InternalFaults.ThrowIfInjected();
        var log = new ThreadLog(Thread.CurrentThread);
        s_threads.Add(log);
        return log;
    }

    private static ChunkStreamer? StartStreamer(string? path)
    {
        if (path is null || !RuntimeSettings.Enabled)
            return null;
        var streamer = new ChunkStreamer(path, s_sealed, s_pool, s_threads);
        try
        {
            streamer.Start();
        }
        catch (Exception e) when (e is OutOfMemoryException or ThreadStartException)
        {
            // This runs in the recorder's type initializer: a throw here would break every woven call. Record unstreamed.
            InternalFaults.Fault(e);
            return null;
        }
        return streamer;
    }

    /// <summary>
    /// Copies every event recorded so far: the streamed ones read back from the spill file, then those in memory.
    /// Safe while other threads keep recording: under the stream writer's lock no chunk moves to disk or is recycled,
    /// each chunk is read up to the count its owner has published, so no event is torn and none is seen twice. The
    /// spill file is read after the lock is released, up to the length it had under the lock.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RecordingData Snapshot()
    {
        List<ThreadLog> threads;
        SpilledEvents spilled;
        RecordedEvent[] events;
        int inMemory;
        lock (s_gate)
        {
            threads = s_threads.Snapshot();
            var chunks = ChunksInMemory(threads);
            var counts = new int[chunks.Count];
            long total = 0;
            for (int i = 0; i < chunks.Count; i++)
            {
                counts[i] = Volatile.Read(ref chunks[i].Count);
                total += counts[i];
            }
            inMemory = checked((int)total);

            spilled = s_streamer?.Spilled() ?? default;
            events = new RecordedEvent[checked((int)(spilled.Mark.Events + inMemory))];
            int next = (int)spilled.Mark.Events;
            for (int i = 0; i < chunks.Count; i++)
            {
                var chunk = chunks[i];
                int threadId = chunk.Owner.ThreadId;
                for (int j = 0; j < counts[i]; j++)
                    events[next++] = new RecordedEvent(chunk.Events[j], threadId);
            }
        }

        int streamed = s_streamer?.ReadBack(spilled, events, 0) ?? 0;
        long unreadable = spilled.Mark.Events - streamed;
        if (unreadable > 0)
        {
            // The spill file could not be read back whole (a fault, already reported): the rest counts as dropped.
            Array.Copy(events, (int)spilled.Mark.Events, events, streamed, inMemory);
            Array.Resize(ref events, streamed + inMemory);
        }

        return new RecordingData(events, CountDropped(threads) + unreadable, threads.ConvertAll(t => new RecordedThread(t.ThreadId, t.ThreadName)))
        {
            BufferBytes = BufferBytes,
            BufferLimitBytes = BufferLimitBytes,
            SampleOneIn = RuntimeSettings.SampleOneIn,
            EventsStreamed = streamed,
        };
    }

    /// <summary>
    /// Every chunk in memory once: the threads' current chunks read first, then the sealed ones, so that a chunk
    /// sealed in between is found (twice, and kept once). The arrays stay theirs while the caller holds the lock:
    /// only the writer recycles them, under it. Listed thread by thread, each thread's in the order it filled them:
    /// events that share a stamp keep their thread's order by their place in the copy.
    /// </summary>
    private static List<EventChunk> ChunksInMemory(List<ThreadLog> threads)
    {
        var chunks = ChunksInMemoryUnordered(threads);
        var threadOrder = new Dictionary<ThreadLog, int>(threads.Count, ReferenceEqualityComparer.Instance);
        for (int i = 0; i < threads.Count; i++)
            threadOrder[threads[i]] = i;
        chunks.Sort((a, b) =>
        {
            int byThread = threadOrder.GetValueOrDefault(a.Owner).CompareTo(threadOrder.GetValueOrDefault(b.Owner));
            return byThread != 0 ? byThread : a.Sequence.CompareTo(b.Sequence);
        });
        return chunks;
    }

    private static List<EventChunk> ChunksInMemoryUnordered(List<ThreadLog> threads)
    {
        var chunks = new List<EventChunk>();
        var seen = new HashSet<EventChunk>(ReferenceEqualityComparer.Instance);
        foreach (var log in threads)
        {
            if (Volatile.Read(ref log.Current) is { } current && seen.Add(current))
                chunks.Add(current);
        }
        foreach (var chunk in s_sealed.InMemory)
        {
            if (seen.Add(chunk))
                chunks.Add(chunk);
        }
        return chunks;
    }

    /// <summary>Events recorded and dropped so far, counted without copying them.</summary>
    public static long CountEvents()
    {
        long count = s_sealed.SealedEventCount;
        foreach (var log in s_threads.Snapshot())
        {
            if (Volatile.Read(ref log.Current) is { } current)
                count += Volatile.Read(ref current.Count);
            count += Volatile.Read(ref log.Dropped);
        }
        return count;
    }

    /// <summary>Events dropped so far because the buffer was full (or streamed and gone with the spill file after the exit export).</summary>
    public static long CountDropped() => CountDropped(s_threads.Snapshot());

    private static long CountDropped(List<ThreadLog> threads)
    {
        long dropped = s_streamer?.LostEvents ?? 0;
        foreach (var log in threads)
            dropped += Volatile.Read(ref log.Dropped);
        return dropped;
    }

    /// <summary>The spill file being written (MEMSCOPE_STREAM), or null.</summary>
    public static string? SpillPath => s_streamer?.FilePath;

    /// <summary>Events written to the spill file so far (0 without MEMSCOPE_STREAM).</summary>
    public static long CountStreamed() => s_streamer?.EventsStreamed ?? 0;

    /// <summary>Bytes held by event chunks: the tracker's own memory for recorded events (with streaming, flat at most at the bound).</summary>
    public static long BufferBytes => s_pool.AllocatedChunks * ChunkPool.ChunkBytes;

    public static long BufferLimitBytes => MaxChunks * ChunkPool.ChunkBytes;

    /// <summary>Ends streaming at process exit, once the last export has read the spill file, and deletes it (or keeps it, when that export failed).</summary>
    internal static void StopStreaming(bool keepFile = false) => s_streamer?.Stop(keepFile);

    /// <summary>
    /// Forgets everything recorded so far and recycles the buffer. For benchmarks, which record far
    /// more events than any budget holds; never called by the woven program.
    /// </summary>
    internal static void DiscardRecorded()
    {
        lock (s_gate)
        {
            // The arrays go back to the pool, as the stream writer returns them: a benchmark then measures recording
            // in its steady state, not the allocation of fresh 128 KB arrays on the large object heap.
            foreach (var events in s_sealed.Clear())
                s_pool.Return(events);
            // A live thread keeps filling its current chunk; an exited thread's chunk would otherwise hold budget forever.
            foreach (var log in s_threads.Snapshot())
            {
                if (log.HasExited && Interlocked.Exchange(ref log.Current, null) is { } left)
                    s_pool.Return(left.Events);
            }
        }
    }
}
