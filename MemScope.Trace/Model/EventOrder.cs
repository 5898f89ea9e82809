using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Linq;

namespace MemScopeTrace.Model;

/// <summary>
/// The order of a recording: by timestamp, then thread, then the order each thread recorded its events, so each
/// thread's own order is exact and the result is the same on every run. Stamps come from a coarse clock (see
/// docs/trace-format.md), so threads share timestamps often; among events that share one, an object's birth
/// (<see cref="EventKind.Alloc"/>, <see cref="EventKind.Identify"/>) comes before another thread's events about it:
/// that thread can only have seen the object after it was made.
/// </summary>
internal static class EventOrder
{
    // The loops below run once per export, over every event: optimised at once rather than first compiled unoptimised.
    /// <summary>A sorted copy of <paramref name="events"/>, which list each thread's events in the order it recorded them.</summary>
    public static RecordedEvent[] Sort(RecordedEvent[] events)
    {
        var runs = ThreadRuns.Of(events);
        var sorted = runs.Merge();
        BirthsFirstInTies(sorted);
        return sorted;
    }

    /// <summary>
    /// Within each group of events sharing a timestamp that spans several threads (sorted by thread, so each thread's
    /// events in it are one contiguous run), moves a thread's run behind the birth of an object it names that another
    /// thread's run holds. Each thread's own order is kept; without such a reference the group stays as it is.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BirthsFirstInTies(RecordedEvent[] events)
    {
        var births = new Dictionary<long, (int Run, int Index)>();
        int start = 0;
        while (start < events.Length)
        {
            int end = start + 1;
            bool severalThreads = false;
            while (end < events.Length && events[end].Timestamp == events[start].Timestamp)
            {
                severalThreads |= events[end].ThreadId != events[end - 1].ThreadId;
                end++;
            }
            if (severalThreads)
                new TieGroup(events, start, end, births).Reorder();
            start = end;
        }
    }

    private static bool IsBirth(EventKind kind) => kind is EventKind.Alloc or EventKind.Identify;

    /// <summary>One group of events that share a timestamp, thread runs one after another.</summary>
    private readonly struct TieGroup
    {
        private readonly RecordedEvent[] _events;
        private readonly int _start;
        private readonly int _end;
        private readonly Dictionary<long, (int Run, int Index)> _births;

        public TieGroup(RecordedEvent[] events, int start, int end, Dictionary<long, (int Run, int Index)> births)
        {
            _events = events;
            _start = start;
            _end = end;
            _births = births;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Reorder()
        {
            _births.Clear();
            var runStarts = new List<int>();
            for (int i = _start; i < _end; i++)
            {
                if (i == _start || _events[i].ThreadId != _events[i - 1].ThreadId)
                    runStarts.Add(i);
                if (IsBirth(_events[i].Kind) && _events[i].ObjectId > 0)
                    _births.TryAdd(_events[i].ObjectId, (runStarts.Count - 1, i));
            }
            if (!AnyRunNamesAnotherRunsBirth(runStarts))
                return;

            var cursors = runStarts.ToArray();
            var draining = new bool[cursors.Length];
            var merged = new List<RecordedEvent>(_end - _start);
            for (int r = 0; r < cursors.Length; r++)
                Drain(r, last: (r + 1 < cursors.Length ? runStarts[r + 1] : _end) - 1, cursors, draining, merged);
            merged.CopyTo(_events, _start);
        }

        private bool AnyRunNamesAnotherRunsBirth(List<int> runStarts)
        {
            int run = -1;
            for (int i = _start; i < _end; i++)
            {
                if (run + 1 < runStarts.Count && runStarts[run + 1] == i)
                    run++;
                if (BirthOf(_events[i], out var birth) && birth.Run != run)
                    return true;
            }
            return false;
        }

        /// <summary>Where the birth of an object <paramref name="e"/> names lies in this group, when <paramref name="e"/> is not that birth.</summary>
        private bool BirthOf(RecordedEvent e, out (int Run, int Index) birth)
        {
            birth = default;
            if (IsBirth(e.Kind))
                return false;
            return (e.ObjectId > 0 && _births.TryGetValue(e.ObjectId, out birth))
                || (e.Kind == EventKind.Bind && e.Value > 0 && _births.TryGetValue(e.Value, out birth));
        }

        /// <summary>
        /// Emits run <paramref name="run"/> from its cursor up to <paramref name="last"/>; before an event that names an
        /// object born later in another run, emits that run up to the birth. A run already being emitted further up is
        /// not waited for (a cycle means the stamps cannot tell; each thread's order still holds).
        /// </summary>
        private void Drain(int run, int last, int[] cursors, bool[] draining, List<RecordedEvent> merged)
        {
            draining[run] = true;
            while (cursors[run] <= last)
            {
                var e = _events[cursors[run]];
                if (BirthOf(e, out var birth) && birth.Run != run && !draining[birth.Run] && cursors[birth.Run] <= birth.Index)
                    Drain(birth.Run, birth.Index, cursors, draining, merged);
                merged.Add(e);
                cursors[run]++;
            }
            draining[run] = false;
        }
    }

    /// <summary>The positions of each thread's events in the order listed, threads in the order they first appear.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static List<(int ThreadId, List<int> Positions)> PositionsByThread(RecordedEvent[] events)
    {
        var threads = new List<(int, List<int>)>();
        var byThread = new Dictionary<int, List<int>>();
        int lastThread = int.MinValue;
        List<int>? current = null;
        for (int position = 0; position < events.Length; position++)
        {
            int threadId = events[position].ThreadId;
            if (current is null || threadId != lastThread)
            {
                lastThread = threadId;
                if (!byThread.TryGetValue(threadId, out current))
                {
                    byThread[threadId] = current = new List<int>();
                    threads.Add((threadId, current));
                }
            }
            current.Add(position);
        }
        return threads;
    }

    /// <summary>
    /// The events split by thread, each in recording order (by timestamp first, should its stamps go back). A run holds
    /// positions in the events, not copies: four bytes an event while the recording is ordered.
    /// </summary>
    private sealed class ThreadRuns
    {
        private readonly RecordedEvent[] _events;
        private readonly List<int> _threadIds = new();
        private readonly List<List<int>> _runs = new();

        private ThreadRuns(RecordedEvent[] events) => _events = events;

        public static ThreadRuns Of(RecordedEvent[] events)
        {
            var runs = new ThreadRuns(events);
            foreach (var (threadId, positions) in PositionsByThread(events))
            {
                runs._threadIds.Add(threadId);
                runs._runs.Add(positions);
            }
            // The recorder's stamps never go back within a thread (its clock only moves forward); a recording made
            // otherwise is ordered by timestamp, each thread's ties kept in its order.
            for (int r = 0; r < runs._runs.Count; r++)
            {
                if (!runs.IsInTimeOrder(runs._runs[r]))
                    runs._runs[r] = runs._runs[r].OrderBy(position => events[position].Timestamp).ToList();
            }
            return runs;
        }

        private bool IsInTimeOrder(List<int> run)
        {
            for (int i = 1; i < run.Count; i++)
            {
                if (_events[run[i]].Timestamp < _events[run[i - 1]].Timestamp)
                    return false;
            }
            return true;
        }

        private long TimestampAt(List<int> run, int i) => _events[run[i]].Timestamp;

        /// <summary>The runs merged by (timestamp, thread): each run is already in order, so a heap of run heads does it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public RecordedEvent[] Merge()
        {
            var merged = new RecordedEvent[_events.Length];
            var heads = new PriorityQueue<int, (long Timestamp, int Thread)>(_runs.Count);
            var cursors = new int[_runs.Count];
            for (int r = 0; r < _runs.Count; r++)
            {
                if (_runs[r].Count > 0)
                    heads.Enqueue(r, (TimestampAt(_runs[r], 0), _threadIds[r]));
            }
            int next = 0;
            while (heads.TryDequeue(out int r, out _))
            {
                var run = _runs[r];
                // Take the run's events while they are not later than any other run's head.
                long limit = heads.TryPeek(out _, out var other) ? other.Timestamp : long.MaxValue;
                int otherThread = heads.Count > 0 ? other.Thread : int.MaxValue;
                int i = cursors[r];
                do
                {
                    merged[next++] = _events[run[i++]];
                }
                while (i < run.Count && (TimestampAt(run, i) < limit || (TimestampAt(run, i) == limit && _threadIds[r] < otherThread)));
                cursors[r] = i;
                if (i < run.Count)
                    heads.Enqueue(r, (TimestampAt(run, i), _threadIds[r]));
            }
            return merged;
        }
    }
}
