using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;

namespace MemScopeRuntime.Capture;

/// <summary>
/// The clock events carry: <see cref="Stopwatch"/> ticks that a background thread refreshes every <see cref="Period"/>,
/// so that stamping an event is a field read instead of a clock call that costs as much as the rest of the event.
/// A stamp is never later than the moment it was taken and at most one period plus the ticker's scheduling delay
/// earlier. Order within a thread does not depend on it: each thread's events keep the order it recorded them.
/// What must be exact across threads (a leak scope's start, a collection) calls <see cref="Sync"/>, which reads the
/// precise clock and moves the coarse one up to it, so every event recorded after it is stamped no earlier.
/// </summary>
internal static class CoarseClock
{
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(1);

    private static long s_now = Stopwatch.GetTimestamp();
    private static int s_started;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Now() => Volatile.Read(ref s_now);

    /// <summary>The precise time, with the coarse clock moved up to it: events recorded from now on are stamped no earlier.</summary>
    public static long Sync()
    {
        long now = Stopwatch.GetTimestamp();
        MoveUpTo(now);
        return now;
    }

    /// <summary>
    /// Starts the ticker once. Should it not start, events carry the stamp of the last <see cref="Sync"/>: order within
    /// threads stays exact, times lose precision.
    /// </summary>
    public static void Start()
    {
        if (Interlocked.Exchange(ref s_started, 1) == 0)
            BackgroundThread.TryStart("MemScope clock", Tick);
    }

    private static void Tick()
    {
        while (true)
        {
            Thread.Sleep(Period);
            MoveUpTo(Stopwatch.GetTimestamp());
        }
    }

    /// <summary>Only ever forward: a ticker that read the clock before a <see cref="Sync"/> must not take it back.</summary>
    private static void MoveUpTo(long timestamp)
    {
        long current = Volatile.Read(ref s_now);
        while (timestamp > current)
        {
            long seen = Interlocked.CompareExchange(ref s_now, timestamp, current);
            if (seen == current)
                return;
            current = seen;
        }
    }
}
