using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using BenchmarkDotNet.Attributes;
using MemScopeRuntime.Capture;

namespace MemScopeBenchmarks;

/// <summary>
/// The clocks an event could carry, side by side in one run: the precise monotonic clock every event used to read,
/// the OS's coarse clocks, and the recorder's <see cref="CoarseClock"/> (a value a background thread refreshes, read
/// as a plain field). The event stamp is chosen from this table: the cheapest clock whose error stays within a bound.
/// </summary>
public class ClockBenchmarks
{
    private const int ReadsPerInvoke = 1000;
    private const int ClockMonotonicCoarse = 6;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [SuppressGCTransition]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [GlobalSetup]
    public void Setup() => CoarseClock.Start();

    [Benchmark(Baseline = true, OperationsPerInvoke = ReadsPerInvoke)]
    public long StopwatchTimestamp()
    {
        long sum = 0;
        for (int i = 0; i < ReadsPerInvoke; i++)
            sum += Stopwatch.GetTimestamp();
        return sum;
    }

    [Benchmark(OperationsPerInvoke = ReadsPerInvoke)]
    public long DateTimeUtcNow()
    {
        long sum = 0;
        for (int i = 0; i < ReadsPerInvoke; i++)
            sum += DateTime.UtcNow.Ticks;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = ReadsPerInvoke)]
    public long EnvironmentTickCount64()
    {
        long sum = 0;
        for (int i = 0; i < ReadsPerInvoke; i++)
            sum += Environment.TickCount64;
        return sum;
    }

    /// <summary>The kernel's coarse monotonic clock (one jiffy of resolution), through the C library with no GC transition.</summary>
    [Benchmark(OperationsPerInvoke = ReadsPerInvoke)]
    public long ClockMonotonicCoarseViaLibc()
    {
        long sum = 0;
        for (int i = 0; i < ReadsPerInvoke; i++)
        {
            ClockGetTime(ClockMonotonicCoarse, out var time);
            sum += time.Nanoseconds;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = ReadsPerInvoke)]
    public long CoarseClockNow()
    {
        long sum = 0;
        for (int i = 0; i < ReadsPerInvoke; i++)
            sum += CoarseClock.Now();
        return sum;
    }

    [Benchmark(OperationsPerInvoke = ReadsPerInvoke)]
    public long InterlockedCounter()
    {
        long sum = 0;
        for (int i = 0; i < ReadsPerInvoke; i++)
            sum += Interlocked.Increment(ref _counter);
        return sum;
    }

    private long _counter;
}
