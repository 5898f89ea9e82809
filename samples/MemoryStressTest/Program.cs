using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

// memscope-rs's memory_stress_test in C#: 64 threads, a million tracked allocations, disposables and native
// blocks handed from the thread that made them to another that releases them, thread-pool and async work.
// The work figures print first (deterministic), then the recorder's figures, then the times.
[Tracked]
internal static class Program
{
    private const int Threads = 64;
    private const int AllocationsPerThread = 1_000_000 / Threads; // 15,625: a million over all threads
    private const int DisposablesPerThread = 100;
    private const int NativeBlocksPerThread = 50;
    private const int PoolItems = 2_000;
    private const int AsyncTasks = 256;
    private const int AllocationsPerAsyncTask = 20;

    private static int Main()
    {
        Console.WriteLine("MemScope memory stress test");
        var stopwatch = Stopwatch.StartNew();

        var connections = new Connection[Threads][];
        var blocks = new IntPtr[Threads][];
        var sums = new long[Threads];
        var nativeSums = new long[Threads];
        RunThreads(connections, blocks, sums, nativeSums);
        long poolSum = ThreadPoolWork();
        long asyncSum = AsyncWork().GetAwaiter().GetResult();
        stopwatch.Stop();

        long total = 0, nativeTotal = 0;
        for (int t = 0; t < Threads; t++)
        {
            total += sums[t];
            nativeTotal += nativeSums[t];
        }
        int allocations = Threads * AllocationsPerThread + PoolItems + AsyncTasks * AllocationsPerAsyncTask;
        Console.WriteLine(Line($"threads                  {Threads}"));
        Console.WriteLine(Line($"tracked allocations      {allocations} ({Threads} x {AllocationsPerThread} on threads, {PoolItems} on the pool, {AsyncTasks} x {AllocationsPerAsyncTask} async)"));
        Console.WriteLine(Line($"disposed on other thread {Connection.DisposedCount} of {Threads * DisposablesPerThread}"));
        Console.WriteLine(Line($"native blocks freed      {Threads * NativeBlocksPerThread} on other threads (checksum {nativeTotal})"));
        Console.WriteLine(Line($"checksums                threads {total}, pool {poolSum}, async {asyncSum}"));

        var export = MemScope.Export("memory_stress_test");
        if (export is null)
        {
            Console.WriteLine("MemScope is disabled (MEMSCOPE_ENABLED=0): no report written.");
            Console.WriteLine(Line($"elapsed                  {stopwatch.Elapsed.TotalMilliseconds:F0} ms"));
            return 0;
        }
        // The report is written; the automatic export at exit would write all of it a second time (about as
        // long again, for four million events), so this sample turns it off.
        Environment.SetEnvironmentVariable("MEMSCOPE_EXPORT", "none");
        // From here on the figures vary from run to run: collections are recorded as the GC finds them.
        Console.WriteLine(Line($"events recorded          {export.EventsExported}"));
        Console.WriteLine(Line($"events dropped           {export.EventsDropped}"));
        Console.WriteLine(Line($"report                   {export.Directory}"));
        Console.WriteLine(Line($"elapsed                  {stopwatch.Elapsed.TotalMilliseconds:F0} ms (workload), {export.Duration.TotalMilliseconds:F0} ms (export)"));
        return 0;
    }

    private static void RunThreads(Connection[][] connections, IntPtr[][] blocks, long[] sums, long[] nativeSums)
    {
        // Disposed before the export, so the report's only findings are the sample's own.
        using var phase = new Barrier(Threads);
        var threads = new Thread[Threads];
        for (int t = 0; t < Threads; t++)
        {
            int me = t;
            threads[t] = new Thread(() => Worker(me, phase, connections, blocks, sums, nativeSums)) { Name = $"stress-{me}" };
            threads[t].Start();
        }
        foreach (var thread in threads)
            thread.Join();
    }

    private static void Worker(int me, Barrier phase, Connection[][] connections, IntPtr[][] blocks, long[] sums, long[] nativeSums)
    {
        // Phase 1: make things this thread will not release.
        var mine = new Connection[DisposablesPerThread];
        for (int i = 0; i < mine.Length; i++)
            mine[i] = new Connection(me, i);
        connections[me] = mine;

        var myBlocks = new IntPtr[NativeBlocksPerThread];
        for (int i = 0; i < myBlocks.Length; i++)
        {
            myBlocks[i] = Marshal.AllocHGlobal(64 + i);
            Marshal.WriteInt32(myBlocks[i], me * 1000 + i);
        }
        blocks[me] = myBlocks;

        // A million allocations over all threads; one in 64 is kept alive until the thread ends.
        long sum = 0;
        var kept = new List<Payload>(AllocationsPerThread / 64 + 1);
        for (int i = 0; i < AllocationsPerThread; i++)
        {
            var payload = new Payload(me + i);
            sum += payload.Value;
            if (i % 64 == 0)
                kept.Add(payload);
        }
        sums[me] = sum;

        phase.SignalAndWait();

        // Phase 2: release what the next thread made.
        int other = (me + 1) % Threads;
        foreach (var connection in connections[other])
            connection.Dispose();
        long nativeSum = 0;
        var theirs = blocks[other];
        for (int i = 0; i < theirs.Length; i++)
        {
            nativeSum += Marshal.ReadInt32(theirs[i]);
            Marshal.FreeHGlobal(theirs[i]);
            theirs[i] = IntPtr.Zero;
        }
        nativeSums[me] = nativeSum;
        kept.Clear();
    }

    private static long ThreadPoolWork()
    {
        long sum = 0;
        Parallel.For(0, PoolItems, () => 0L, (i, _, local) => local + new Payload(i).Value, local => Interlocked.Add(ref sum, local));
        return sum;
    }

    private static async Task<long> AsyncWork()
    {
        var tasks = new Task<long>[AsyncTasks];
        for (int i = 0; i < tasks.Length; i++)
            tasks[i] = AsyncItem(i);
        long sum = 0;
        foreach (long part in await Task.WhenAll(tasks))
            sum += part;
        return sum;
    }

    private static async Task<long> AsyncItem(int index)
    {
        long sum = 0;
        for (int i = 0; i < AllocationsPerAsyncTask; i++)
        {
            var payload = new Payload(index * AllocationsPerAsyncTask + i);
            await Task.Yield(); // resumes on a pool thread: the object crosses threads while held
            sum += payload.Value;
        }
        return sum;
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
