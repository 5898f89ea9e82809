using System.Collections.Concurrent;
using System.IO;
using System.Threading;

namespace Corpus.Cases;

/// <summary>
/// Streams made on one thread and disposed at once on another, thousands of times: many allocations and their
/// disposals share a clock tick across the two threads (the disposing thread is the main one, whose id sorts first
/// among events that share a timestamp), and none may read as a leak.
/// </summary>
public static class CleanHandOffAcrossThreads
{
    public static void Run()
    {
        using var handOff = new BlockingCollection<MemoryStream>(boundedCapacity: 16);
        var producer = new Thread(() =>
        {
            for (int i = 0; i < 5_000; i++)
            {
                var made = new MemoryStream();
                made.WriteByte((byte)i);
                handOff.Add(made);
            }
            handOff.CompleteAdding();
        });
        producer.Start();
        foreach (var received in handOff.GetConsumingEnumerable())
            received.Dispose();
        producer.Join();
    }
}
