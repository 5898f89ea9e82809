using System;
using System.Threading;
using MemScopeTrace.Model;

namespace MemScopeRuntime;

/// <summary>
/// MemScope's own faults: counted, reported once on stderr, never thrown into the tracked program.
/// </summary>
internal static class Diagnostics
{
    private static long s_faults;
    private static int s_reported;

    public static long FaultCount => Volatile.Read(ref s_faults);

    public static void Fault(Exception exception)
    {
        Interlocked.Increment(ref s_faults);
        if (Interlocked.Exchange(ref s_reported, 1) == 0)
            Console.Error.WriteLine($"MemScope: internal fault, tracking continues ({exception.GetType().Name}: {exception.Message})");
    }

    public static void Warn(string message) => Console.Error.WriteLine("MemScope: " + message);
}
