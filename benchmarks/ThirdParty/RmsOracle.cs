// Added to the library's test project by recyclable-memory-stream.sh: the library's own EventSource says which
// streams were finalized without Dispose and which were disposed twice, and which test created them, so each
// MemScope finding can be checked against the library's own account rather than by reading tests.
using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.IO;
using System.Linq;
using System.Threading;
using NUnit.Framework;

[SetUpFixture]
public sealed class RmsOracle
{
    private Listener? listener;

    // Created before the first test, not lazily: a listener only hears events written after it exists.
    [OneTimeSetUp]
    public void Listen() => this.listener = new Listener();

    [OneTimeTearDown]
    public void Write()
    {
        this.listener?.Write(Environment.GetEnvironmentVariable("RMS_ORACLE") ?? "rms-oracle.txt");
        this.listener?.Dispose();
    }

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
                    // MemScope sees only the streams that woven code constructs (the manager's GetStream); the tests'
                    // own `new RecyclableMemoryStream(...)` are unwoven allocations. Say which kind each was.
                    // A few tests give two streams the same Guid: their label then names both origins.
                    var label = (ByManager() ? "GetStream " : "new ") + TestContext.CurrentContext.Test.FullName;
                    this.creators.AddOrUpdate(id, label, (_, earlier) => earlier == label ? label : earlier + " | " + label);
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

        private static bool ByManager() =>
            new StackTrace(false).GetFrames().Any(f => f.GetMethod() is { Name: "GetStream", DeclaringType.Name: "RecyclableMemoryStreamManager" });

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
