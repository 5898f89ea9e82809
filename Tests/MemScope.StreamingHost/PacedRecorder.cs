using System;
using System.Diagnostics;
using System.Threading;

namespace MemScopeStreamingHost;

/// <summary>
/// One thread's events at a steady rate: ids 1, 2, 3… at its site, in batches, sleeping whenever it is ahead. A woven
/// program records between doing its own work; unpaced, a loop of appends on a 2-core machine would only measure
/// how fast the drop path is.
/// </summary>
internal static class PacedRecorder
{
    private const int Batch = 100;

    /// <summary>Records until <paramref name="count"/> events or <paramref name="until"/> on <paramref name="clock"/>; returns how many it appended.</summary>
    public static long Record(int site, long count, TimeSpan until, double eventsPerSecond, Stopwatch clock)
    {
        long id = 0;
        double start = clock.Elapsed.TotalSeconds;
        while (id < count && clock.Elapsed < until)
        {
            long end = Math.Min(count, id + Batch);
            while (id < end)
                SyntheticEvent.Append(site, ++id);
            double due = start + id / eventsPerSecond;
            double now = clock.Elapsed.TotalSeconds;
            if (due > now)
                Thread.Sleep(TimeSpan.FromSeconds(Math.Min(due - now, 0.05)));
        }
        return id;
    }
}
