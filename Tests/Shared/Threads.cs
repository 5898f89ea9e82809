using System;
using System.Linq;
using System.Threading;

namespace MemScopeTestShared;

/// <summary>Dedicated threads released together, so that what they record really overlaps.</summary>
internal static class Threads
{
    /// <summary>Runs <paramref name="body"/> on <paramref name="count"/> new threads (given 0..count-1) and waits for all of them to exit.</summary>
    public static void RunAtOnce(int count, Action<int> body)
    {
        using var start = new Barrier(count);
        var threads = Enumerable.Range(0, count).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            body(t);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }
}
