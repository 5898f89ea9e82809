using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using MemScopeTrace.Model;

namespace MemScopeRuntime.Capture;

/// <summary>
/// MEMSCOPE_STREAM: a background thread that writes sealed chunks to the spill file and recycles their arrays,
/// so recording threads keep finding free chunks within the budget. When it falls behind (more threads filling chunks
/// than one writer can save), a recording thread that finds no free chunk writes the oldest sealed ones itself
/// (<see cref="TryWriteOldest"/>): it never waits on the lock (<see cref="Gate"/>), it only tries it, so no thread can
/// deadlock on it. The lock is taken per chunk written and by snapshots, so a snapshot sees each event exactly once:
/// either in the file or still in memory. A fault (disk full, IO error) stops streaming; recording falls back to
/// dropping and counting, and the fault is counted and reported once.
/// </summary>
internal sealed class ChunkStreamer
{
    private static readonly long DeadThreadSweepTicks = Stopwatch.Frequency / 5;
    private static readonly long HelpingThreadSweepTicks = Stopwatch.Frequency / 100;
    private long _lastSweep = Stopwatch.GetTimestamp();
    private long _chunksWritten;

    private readonly SealedChunks _sealed;
    private readonly ChunkPool _pool;
    private readonly AppendOnlyList<ThreadLog> _threads;
    private readonly string _path;
    private readonly int _maxIdleMilliseconds;
    private SpillFile? _file;
    private volatile bool _stopped;
    private long _lostEvents;

    public ChunkStreamer(string path, SealedChunks sealedChunks, ChunkPool pool, AppendOnlyList<ThreadLog> threads)
    {
        _path = path;
        _sealed = sealedChunks;
        _pool = pool;
        _threads = threads;
        // Idle, the writer polls less often, but never so rarely that a fast thread (~30 M events/s, a chunk per
        // 0.14 ms) could fill an eighth of the budget before it looks again.
        _maxIdleMilliseconds = (int)Math.Clamp(pool.MaxChunks / 64, 1, 50);
    }

    /// <summary>Taken by the writer for each chunk it moves from memory to disk, and by a snapshot for its whole copy.</summary>
    public object Gate { get; } = new();

    /// <summary>The spill file being written, or null (not created yet, refused, or deleted at the end).</summary>
    public string? FilePath => _file?.Path;

    /// <summary>Events in the spill file.</summary>
    public long EventsStreamed => _file?.EventCount ?? 0;

    /// <summary>Streamed events gone with the spill file once streaming ended at exit: counted with the dropped ones.</summary>
    public long LostEvents => Volatile.Read(ref _lostEvents);

    /// <summary>Chunks moved to disk so far, by the writer or by recording threads helping it: while it grows, streaming is making progress.</summary>
    public long ChunksWritten => Volatile.Read(ref _chunksWritten);

    /// <summary>False once streaming stopped (a fault, or the end of the process): full chunks then stay in memory.</summary>
    public bool IsStreaming => !_stopped;

    public void Start()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "MemScope stream writer" };
        thread.Start();
    }

    /// <summary>The events on disk at this moment; the caller holds <see cref="Gate"/>, so none of them is also still in memory.</summary>
    public SpilledEvents Spilled() => _file is { } file ? new SpilledEvents(file, file.Mark) : default;

    /// <summary>
    /// Copies the events of <paramref name="spilled"/> into <paramref name="into"/> from <paramref name="start"/>, without
    /// the lock: the file only grows, so the writer goes on meanwhile. Returns how many it read; fewer than the mark
    /// holds when the file cannot be read back (a fault), and the caller counts the rest as lost.
    /// </summary>
    public int ReadBack(in SpilledEvents spilled, RecordedEvent[] into, int start)
    {
        if (spilled.File is null)
            return 0;
        int read = spilled.File.ReadBack(spilled.Mark, into, start);
        if (read < spilled.Mark.Events)
            _stopped = true; // the file can no longer be trusted: append no more to it
        return read;
    }

    /// <summary>
    /// Ends streaming and deletes the spill file (after the export at exit): its events are in the .mscope by then.
    /// With <paramref name="keepFile"/> (the export failed) the file is closed and stays: it is then the only copy of
    /// the recording, and the next start of a streaming program, or `memscope`, recovers it.
    /// </summary>
    public void Stop(bool keepFile = false)
    {
        lock (Gate)
        {
            _stopped = true;
            if (_file is null)
                return;
            Interlocked.Add(ref _lostEvents, _file.EventCount);
            _file.Dispose();
            if (keepFile)
                InternalFaults.Warn($"the recording stays in {_file.Path}; `memscope summary` reads it.");
            else
                File.Delete(_file.Path);
            _file = null;
        }
    }

    private void Run()
    {
        try
        {
            lock (Gate)
            {
                if (_stopped)
                    return;
                SpillLeftovers.Tidy(Path.GetDirectoryName(_path));
                _file = SpillFile.Create(_path);
                if (_file is null)
                {
                    // Refused or impossible (already said on stderr): full chunks stay in memory, within the budget.
                    _stopped = true;
                    return;
                }
            }
            WriteUntilStopped();
        }
        catch (Exception e)
        {
            // Anything escaping this thread would end the program: count it, say it once, stop streaming.
            // Chunks not written stay in memory (exported as usual); recording threads drop once the budget is spent.
            _stopped = true;
            InternalFaults.Fault(e);
        }
    }

    private void WriteUntilStopped()
    {
        int idle = 1;
        long lastSweep = Stopwatch.GetTimestamp();
        while (!_stopped)
        {
            if (Stopwatch.GetTimestamp() - lastSweep > DeadThreadSweepTicks)
            {
                SealChunksOfExitedThreads();
                lastSweep = Stopwatch.GetTimestamp();
            }
            if (WriteOldest())
            {
                idle = 1;
                continue;
            }
            // Polling rather than a signal: recording threads then touch no event or lock, only the queue.
            Thread.Sleep(idle);
            idle = Math.Min(idle * 2, _maxIdleMilliseconds);
        }
    }

    /// <summary>
    /// A recording thread that found no free chunk writes the oldest sealed one itself, if nobody holds the lock (the
    /// writer, another helping thread or a snapshot, all of which are making progress): true when it wrote one.
    /// </summary>
    public bool TryWriteOldest()
    {
        if (_stopped || !Monitor.TryEnter(Gate))
            return false;
        try
        {
            if (WriteOldest())
                return true;
            // Nothing sealed is waiting: the free chunks may be held by threads that exited with their last one partly filled.
            if (Stopwatch.GetTimestamp() - Volatile.Read(ref _lastSweep) < HelpingThreadSweepTicks)
                return false;
            SealChunksOfExitedThreads();
            return WriteOldest();
        }
        catch (Exception e)
        {
            // As on the writer's own thread: a failed write (disk full) stops streaming, counted and said once, and never
            // reaches the recording thread that was helping.
            _stopped = true;
            InternalFaults.Fault(e);
            return false;
        }
        finally
        {
            Monitor.Exit(Gate);
        }
    }

    /// <summary>Moves the oldest sealed chunk to disk and its array to the free pool; false when none is waiting.</summary>
    private bool WriteOldest()
    {
        lock (Gate)
        {
            if (_stopped || _file is null || !_sealed.TryPeek(out var chunk) || chunk is null)
                return false;
            // Written before it leaves the queue: should the write fail, its events are still in memory.
            _file.WriteWhatIsNew(threads: null);
            _file.Append(chunk);
            _sealed.TryRemoveOldest();
            _pool.Return(chunk.Events);
            Volatile.Write(ref _chunksWritten, _chunksWritten + 1);
            return true;
        }
    }

    /// <summary>
    /// A thread that exited leaves its last chunk partly filled; nobody else would ever seal it, and its array would
    /// be lost to the budget. Safe without the owner's help: an exited thread can never append again.
    /// </summary>
    private void SealChunksOfExitedThreads()
    {
        lock (Gate)
        {
            Volatile.Write(ref _lastSweep, Stopwatch.GetTimestamp());
            var threads = _threads.Snapshot();
            foreach (var log in threads)
            {
                if (Volatile.Read(ref log.Current) is { } chunk && log.HasExited)
                {
                    Volatile.Write(ref log.Current, null);
                    _sealed.Add(chunk);
                }
            }
            // Also the moment to name new threads (and sites and types) in the file, even while no chunk fills.
            if (!_stopped)
                _file?.WriteWhatIsNew(threads);
        }
    }
}

/// <summary>A spill file and how much of it a snapshot takes.</summary>
internal readonly record struct SpilledEvents(SpillFile? File, SpillMark Mark);
