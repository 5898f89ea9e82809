using System;

namespace MemScopeTrace.Model;

/// <summary>
/// The order of a recording: by timestamp, then by thread, then by the order the thread recorded them. Each thread's
/// events keep their own order however many share a timestamp, and the result is the same on every run.
/// </summary>
internal readonly struct EventOrder : IComparable<EventOrder>
{
    private readonly long _timestamp;
    private readonly int _thread;
    private readonly int _sequence;

    private EventOrder(long timestamp, int thread, int sequence)
    {
        _timestamp = timestamp;
        _thread = thread;
        _sequence = sequence;
    }

    /// <summary>A sorted copy of <paramref name="events"/>, which list each thread's events in the order it recorded them.</summary>
    public static RecordedEvent[] Sort(RecordedEvent[] events)
    {
        var keys = new EventOrder[events.Length];
        for (int i = 0; i < events.Length; i++)
            keys[i] = new EventOrder(events[i].Timestamp, events[i].ThreadId, i);
        var sorted = (RecordedEvent[])events.Clone();
        // Every key is distinct (the position breaks ties), so the unstable sort gives one order only.
        Array.Sort(keys, sorted);
        return sorted;
    }

    public int CompareTo(EventOrder other)
    {
        int byTime = _timestamp.CompareTo(other._timestamp);
        if (byTime != 0)
            return byTime;
        int byThread = _thread.CompareTo(other._thread);
        return byThread != 0 ? byThread : _sequence.CompareTo(other._sequence);
    }
}
