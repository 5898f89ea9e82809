using System;
using System.IO;
using System.Threading;

namespace MemScopeRobustnessHost;

/// <summary>Programs that end badly: an unhandled exception, a signal while waiting, a violation under MEMSCOPE_ON_VIOLATION=throw.</summary>
internal static class EndScenarios
{
    public static int Crash()
    {
        Console.WriteLine($"worked={Workload.Run(2_000)}");
        throw new InvalidOperationException("the program's own failure");
    }

    public static int CrashOnAThread()
    {
        Console.WriteLine($"worked={Workload.Run(2_000)}");
        var thread = new Thread(() => throw new FormatException("a worker's failure"));
        thread.Start();
        thread.Join();
        Console.WriteLine("unreachable: an unhandled exception on any thread ends the process");
        return 0;
    }

    public static int Wait(int seconds)
    {
        Console.WriteLine($"worked={Workload.Run(2_000)}");
        Console.WriteLine("ready");
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        Console.WriteLine("not signalled");
        return 0;
    }

    /// <summary>Tracked work for <paramref name="seconds"/>, printing the rounds done: with MEMSCOPE_STREAM, a recording for a test to kill.</summary>
    public static int Stream(int seconds)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int round = 1; clock.Elapsed < TimeSpan.FromSeconds(seconds); round++)
        {
            Workload.Run(1_000);
            Console.WriteLine($"rounds={round}");
        }
        Console.WriteLine("not killed");
        return 0;
    }

    public static int Violation()
    {
        Console.WriteLine($"worked={Workload.Run(2_000)}");
        Console.WriteLine("freeing twice");
        ViolatingCode.FreeTwice();
        Console.WriteLine("after the violation");
        return 0;
    }
}

[Tracked]
internal static class ViolatingCode
{
    public static void FreeTwice()
    {
        nint block = System.Runtime.InteropServices.Marshal.AllocHGlobal(32);
        System.Runtime.InteropServices.Marshal.FreeHGlobal(block);
        System.Runtime.InteropServices.Marshal.FreeHGlobal(block); // an error: with MEMSCOPE_ON_VIOLATION=throw it throws here, before the allocator sees it
    }
}
