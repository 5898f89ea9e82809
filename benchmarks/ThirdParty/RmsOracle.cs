// Added to the library's test project by recyclable-memory-stream.sh: the library's own EventSource says which
// streams were finalized without Dispose and which were disposed twice, and which test created them, so each
// MemScope finding can be checked against the library's own account rather than by reading tests.
using System;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.IO;
using System.Linq;
using System.Threading;
using NUnit.Framework;

[SetUpFixture]
public sealed class RmsOracle
{
    private static readonly Listener listener = new();

    [OneTimeTearDown]
    public void Write() => listener.Write(Environment.GetEnvironmentVariable("RMS_ORACLE") ?? "rms-oracle.txt");

    private sealed class Listener : EventListener
    {
        private readonly ConcurrentDictionary<Guid, string> creators = new();
        private readonly ConcurrentQueue<string> finalized = new();
        private readonly ConcurrentQueue<string> doubleDisposed = new();
        private int created;
        private int disposed;

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-IO-RecyclableMemoryStream")
            {
                this.EnableEvents(source, EventLevel.Verbose);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.Payload is null || e.Payload.Count == 0 || e.Payload[0] is not Guid id)
            {
                return;
            }

            switch (e.EventId)
            {
                case 1:
                    Interlocked.Increment(ref this.created);
                    this.creators[id] = TestContext.CurrentContext.Test.FullName;
                    break;
                case 2:
                    Interlocked.Increment(ref this.disposed);
                    break;
                case 3:
                    this.doubleDisposed.Enqueue(this.Creator(id));
                    break;
                case 4:
                    this.finalized.Enqueue(this.Creator(id));
                    break;
            }
        }

        private string Creator(Guid id) => this.creators.TryGetValue(id, out var test) ? test : "(not seen created)";

        public void Write(string path)
        {
            using var w = new StreamWriter(path);
            w.WriteLine($"created {this.created} disposed {this.disposed} finalized {this.finalized.Count} doubleDisposed {this.doubleDisposed.Count}");
            foreach (var g in this.finalized.GroupBy(t => t).OrderBy(g => g.Key))
            {
                w.WriteLine($"finalized {g.Count()} {g.Key}");
            }

            foreach (var g in this.doubleDisposed.GroupBy(t => t).OrderBy(g => g.Key))
            {
                w.WriteLine($"doubleDisposed {g.Count()} {g.Key}");
            }
        }
    }
}
