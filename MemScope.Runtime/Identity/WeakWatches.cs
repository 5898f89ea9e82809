using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;
using MemScopeRuntime.Capture;
using MemScopeTrace.Model;

namespace MemScopeRuntime.Identity;

/// <summary>
/// Watches the collection of woven objects whose lifecycle does not matter (no Dispose, no handle) through a weak GC
/// handle each, instead of a ConditionalWeakTable entry with a finalizable sentinel: no lock and no finalizer, and a
/// tracked allocation loop that spent about 12 ns an allocation on the sampled watch now spends next to nothing
/// (benchmarks/README.md). A background thread sweeps the handles after each garbage collection
/// and records <see cref="EventKind.Collected"/> for every object gone, stamped when the sweep saw it (within
/// <see cref="SweepPeriod"/> of the collection that freed it, as a finalizer would be within its own delay).
/// </summary>
internal static class WeakWatches
{
    public static readonly TimeSpan SweepPeriod = TimeSpan.FromMilliseconds(10);

    private readonly record struct Watched(GCHandle Handle, long Id);

    private static readonly ConcurrentQueue<Watched> s_added = new();
    private static readonly List<Watched> s_watched = new();
    private static readonly object s_sweepGate = new();
    private static int s_started;
    private static int s_lastGcCount;

    /// <summary>Watches <paramref name="obj"/>, named <paramref name="id"/>: lock-free, one weak handle and one queue slot.</summary>
    public static void Add(object obj, long id)
    {
        s_added.Enqueue(new Watched(GCHandle.Alloc(obj, GCHandleType.Weak), id));
        Live.LiveCounters.ObjectIdentified();
        if (Volatile.Read(ref s_started) == 0)
            Start();
    }

    /// <summary>Records the objects collected since the last sweep; the exporter calls it after its own full collection.</summary>
    public static void SweepNow()
    {
        lock (s_sweepGate)
        {
            while (s_added.TryDequeue(out var added))
                s_watched.Add(added);
            int kept = 0;
            for (int i = 0; i < s_watched.Count; i++)
            {
                var watched = s_watched[i];
                if (watched.Handle.Target is not null)
                {
                    s_watched[kept++] = watched;
                    continue;
                }
                watched.Handle.Free();
                Recorder.AppendSynced(EventKind.Collected, 0, watched.Id, 0);
                Live.LiveCounters.ObjectCollected();
            }
            s_watched.RemoveRange(kept, s_watched.Count - kept);
        }
    }

    /// <summary>The ids of watched objects still alive, as of a sweep made now.</summary>
    public static void AddAlive(HashSet<long> alive)
    {
        SweepNow();
        lock (s_sweepGate)
        {
            foreach (var watched in s_watched)
                alive.Add(watched.Id);
        }
    }

    // Without the sweeper, collections are still found by the sweep every export makes.
    private static void Start()
    {
        if (Interlocked.Exchange(ref s_started, 1) == 0)
            BackgroundThread.TryStart("MemScope collections", SweepAfterCollections);
    }

    private static void SweepAfterCollections()
    {
        while (true)
        {
            Thread.Sleep(SweepPeriod);
            int gcCount = GC.CollectionCount(0);
            if (gcCount == s_lastGcCount)
                continue;
            s_lastGcCount = gcCount;
            try
            {
                SweepNow();
            }
            catch (OutOfMemoryException e)
            {
                // The program is short of memory: this sweep gives way, the next one finds the same objects.
                InternalFaults.Fault(e);
            }
        }
    }
}
