using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using MemScopeReports.Analysis;
using MemScopeRuntime.Gc;
using MemScopeRuntime.Identity;
using MemScopeRuntime.Capture;
using MemScopeTrace.Model;
using MemScopeTrace.Format;
using Xunit;

namespace MemScopeRuntimeTests;

public class TraceFileTests
{
    private static readonly SiteInfo NewStream = new(1, SiteKind.Alloc, "App", "Program.Main", "/src/Program.cs", 10, 9, "stream", "System.IO.MemoryStream");
    private static readonly SiteInfo AllocBlock = new(2, SiteKind.Unknown, "App", "Program.Main", "/src/Program.cs", 20, 9, "buffer", "Marshal.AllocHGlobal");

    private static Recording Sample()
    {
        var events = new List<RecordedEvent>();
        long clock = 5000;
        void Add(EventKind kind, int site, long subject, long value, int thread) =>
            events.Add(new RecordedEvent(new TraceEvent(clock++, kind, site, subject, value), thread));
        Add(EventKind.Alloc, 1, 1, new IdentityValue(TypeRegistry.IdOf(typeof(MemoryStream)), 64, 1).Pack(), 3);
        Add(EventKind.NativeAlloc, 2, 0x1000, 128, 4);
        var sample = new GcSample(5001, 1000, 900, 1200, 10, 5000, 7, 1, 3, 2, 1, 6, 1, 0.5, 1.5,
            new[] { new GenerationSample("gen0", 100, 1), new GenerationSample("gen1", 200, 2) });
        var snapshot = new RecordingData(events.ToArray(), 3, new List<RecordedThread> { new(3, "main"), new(4, null) }) { GcSamples = new List<GcSample> { sample }, Types = TypeRegistry.Describe(events.ToArray()) };
        return new Recording(snapshot, new SiteTable(new[] { NewStream, AllocBlock }), 4000, DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000), 2);
    }

    private static string Written(Recording recording)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("memscope-trace-").FullName, "t.mscope");
        TraceFile.Write(recording, path);
        return path;
    }

    [Fact]
    public void A_recording_read_back_from_its_trace_has_the_same_events_sites_types_threads_and_samples()
    {
        var original = Sample();

        var read = TraceFile.Read(Written(original));

        Assert.Equal(original.Events, read.Events);
        Assert.Equal(original.Sites.All.OrderBy(s => s.Id), read.Sites.All.OrderBy(s => s.Id));
        Assert.Equal("System.IO.MemoryStream", read.TypeName(TypeRegistry.IdOf(typeof(MemoryStream))));
        Assert.True(read.Type(TypeRegistry.IdOf(typeof(MemoryStream))).IsDisposable);
        Assert.Equal(original.Threads, read.Threads);
        Assert.Equal((3L, 2L), (read.DroppedEvents, read.InternalFaults));
        Assert.Equal(original.StartedAt, read.StartedAt);
        var sample = Assert.Single(read.GcSamples);
        Assert.Equal(original.GcSamples[0] with { Generations = sample.Generations }, sample);
        Assert.Equal(original.GcSamples[0].Generations, sample.Generations);
    }

    [Fact]
    public void A_recording_read_from_a_trace_finds_the_same_leaks()
    {
        var original = LifecycleAnalysis.Analyze(Sample()).Leaks.Select(l => l.Describe());

        var read = LifecycleAnalysis.Analyze(TraceFile.Read(Written(Sample()))).Leaks.Select(l => l.Describe());

        Assert.Equal(original, read);
        Assert.Equal(2, read.Count());
    }

    [Fact]
    public void A_missing_file_is_one_clear_line()
    {
        var error = Assert.Throws<TraceFormatException>(() => TraceFile.Read("/nonexistent/run.mscope"));

        Assert.Equal("/nonexistent/run.mscope: no such file.", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_trace_says_so()
    {
        string path = Path.GetTempFileName();
        File.WriteAllText(path, "{\"json\": true, \"padding\": \"..............................\"}");

        Assert.Contains("not a MemScope trace", Assert.Throws<TraceFormatException>(() => TraceFile.Read(path)).Message);
    }

    [Fact]
    public void A_trace_of_a_newer_format_version_names_both_versions()
    {
        string path = Written(Sample());
        var bytes = File.ReadAllBytes(path);
        bytes[8] = 9;
        File.WriteAllBytes(path, bytes);

        Assert.Contains("version 9; this memscope reads version 2", Assert.Throws<TraceFormatException>(() => TraceFile.Read(path)).Message);
    }

    [Fact(Timeout = 60_000)]
    public async System.Threading.Tasks.Task Truncated_bit_flipped_and_random_files_only_ever_give_a_format_error_and_never_hang()
    {
        await System.Threading.Tasks.Task.Yield();
        var valid = File.ReadAllBytes(Written(Sample()));
        string path = Path.Combine(Directory.CreateTempSubdirectory("memscope-fuzz-").FullName, "f.mscope");
        var random = new Random(12345);
        var stopwatch = Stopwatch.StartNew();
        int rejected = 0;

        void Check(byte[] bytes)
        {
            File.WriteAllBytes(path, bytes);
            try
            {
                TraceFile.Read(path);
            }
            catch (TraceFormatException e)
            {
                Assert.DoesNotContain('\n', e.Message);
                rejected++;
            }
        }

        for (int length = 0; length < valid.Length; length++)
            Check(valid[..length]);
        for (int i = 0; i < 2000; i++)
        {
            var flipped = (byte[])valid.Clone();
            int bit = random.Next(flipped.Length * 8);
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            Check(flipped);
        }
        for (int i = 0; i < 500; i++)
        {
            var noise = new byte[random.Next(0, 4096)];
            random.NextBytes(noise);
            if (i % 2 == 0 && noise.Length >= 8)
                TraceFile.Magic.CopyTo(noise, 0); // get past the magic check into the block parser
            Check(noise);
        }

        Assert.True(rejected >= valid.Length + 500, $"only {rejected} of the damaged files were rejected");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"fuzzing took {stopwatch.Elapsed}");
    }
}
