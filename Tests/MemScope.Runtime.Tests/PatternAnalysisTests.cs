using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Json.Schema;
using MemScopeReports.Analysis;
using MemScopeReports.Analysis.Patterns;
using MemScopeReports.Export;
using MemScopeRuntime.Gc;
using MemScopeRuntime.Identity;
using MemScopeRuntime.Capture;
using MemScopeTrace.Model;
using Xunit;
using MemScopeReports.Export.Json;

namespace MemScopeRuntimeTests;

/// <summary>Each pattern and the diagnosis ranking, driven by hand-built event streams with known answers.</summary>
public class PatternAnalysisTests
{
    private const int Bytes = 1, FileStream = 2, Action = 3, Entry = 4;

    private static readonly Dictionary<int, TypeInfo> Types = new()
    {
        [Bytes] = Type(Bytes, "byte[]", disposable: false),
        [FileStream] = Type(FileStream, "System.IO.FileStream", disposable: true),
        [Action] = Type(Action, "System.Action", disposable: false),
        [Entry] = Type(Entry, "Cache.Entry", disposable: false),
    };

    private static TypeInfo Type(int id, string name, bool disposable) =>
        new(id, name, disposable, false, false, null, Array.Empty<string>(), null, 0);

    private static SiteInfo At(int id, SiteKind kind, int line, string? name, string? type = null) =>
        new(id, kind, "App", "Program.Main", "Program.cs", line, 9, name, type);

    private static readonly SiteInfo NewBuffer = At(1, SiteKind.Alloc, 10, "buffer", "byte[]");
    private static readonly SiteInfo NewStream = At(2, SiteKind.Alloc, 20, "stream", "System.IO.FileStream");
    private static readonly SiteInfo DisposeCall = At(3, SiteKind.Unknown, 22, "FileStream.Dispose");
    private static readonly SiteInfo NewEntry = At(4, SiteKind.Alloc, 30, "entry", "Cache.Entry");
    private static readonly SiteInfo StoreHandler = At(5, SiteKind.Field, 40, "Publisher.Changed", "System.Action");
    private static readonly SiteInfo NewHandler = At(6, SiteKind.Alloc, 41, "handler", "System.Action");
    private static readonly SiteInfo PinSite = At(7, SiteKind.Unknown, 60, "pin", "GCHandle.Alloc");
    private static readonly SiteInfo CallCrc = At(8, SiteKind.Unknown, 70, "libz.so.1!crc32", "DllImport");
    private static readonly SiteInfo CallSleep = At(9, SiteKind.Unknown, 71, "libc!usleep", "DllImport");
    private static readonly SiteInfo NewLarge = At(10, SiteKind.Alloc, 50, "large", "byte[]");
    private static readonly SiteInfo StoreCallback = At(11, SiteKind.Field, 45, "Timer.Tick", "System.Action");
    private static readonly SiteInfo FreePin = At(12, SiteKind.Unknown, 62, null, "GCHandle.Free");

    private readonly List<RecordedEvent> _events = new();
    private readonly List<GcSample> _samples = new();

    private static long Ticks(double ms) => (long)(ms * Stopwatch.Frequency / 1000.0);

    private void Add(double ms, EventKind kind, SiteInfo? site, long subject, long value = 0, int thread = 1) =>
        _events.Add(new RecordedEvent(new TraceEvent(Ticks(ms), kind, site?.Id ?? 0, subject, value), thread));

    private void Allocate(double ms, long id, int typeId, SiteInfo site, long size, int thread = 1)
    {
        Add(ms, EventKind.Alloc, site, id, new IdentityValue(typeId, size, 1).Pack(), thread);
    }

    private void Sample(double ms, int gen0, int gen1, int gen2, long pinned = 0, double pauseMs = 0) =>
        _samples.Add(new GcSample(Ticks(ms), 0, 0, 0, 0, 0, 0, pinned, gen0, gen1, gen2, 0, 0, 0, pauseMs, Array.Empty<GenerationSample>()));

    private Recording Record()
    {
        var sites = new SiteTable(new[] { NewBuffer, NewStream, DisposeCall, NewEntry, StoreHandler, NewHandler, PinSite, CallCrc, CallSleep, NewLarge, StoreCallback, FreePin });
        var snapshot = new RecordingData(_events.ToArray(), 0, new List<RecordedThread> { new(1, "Main"), new(2, "worker") })
        {
            GcSamples = _samples,
            Types = Types,
        };
        return new Recording(snapshot, sites, 0, DateTimeOffset.UnixEpoch, 0);
    }

    private PatternReport Analyze(PatternOptions? options = null)
    {
        var recording = Record();
        return PatternAnalysis.Analyze(recording, LifecycleAnalysis.Analyze(recording), options);
    }

    /// <summary>Objects allocated every millisecond from <paramref name="fromMs"/>, each collected <paramref name="lifetimeMs"/> later.</summary>
    private void Churn(long firstId, int count, SiteInfo site, double fromMs, double lifetimeMs, long size)
    {
        for (int i = 0; i < count; i++)
        {
            Allocate(fromMs + i, firstId + i, Bytes, site, size);
            Add(fromMs + i + lifetimeMs, EventKind.Collected, null, firstId + i);
        }
    }

    [Fact]
    public void A_site_whose_objects_die_young_is_a_churn_site_with_count_median_lifetime_and_bytes()
    {
        Churn(1, 5, NewBuffer, 0, lifetimeMs: 2, size: 100);

        var churn = Assert.Single(Analyze(new PatternOptions { ChurnMinObjects = 5 }).ChurnSites);
        Assert.Same(NewBuffer, churn.Site);
        Assert.Equal((5, 5, 500L), (churn.Objects, churn.ShortLived, churn.ShortLivedBytes));
        Assert.Equal(2, churn.MedianLifetimeMs, 3);
    }

    [Fact]
    public void Objects_that_outlive_the_short_lived_threshold_are_not_churn()
    {
        Churn(1, 5, NewBuffer, 0, lifetimeMs: 500, size: 100);

        Assert.Empty(Analyze(new PatternOptions { ChurnMinObjects = 5 }).ChurnSites);
    }

    [Fact]
    public void Churn_needs_ChurnMinObjects_short_lived_objects_at_one_site()
    {
        Churn(1, 4, NewBuffer, 0, lifetimeMs: 2, size: 100);

        Assert.Empty(Analyze(new PatternOptions { ChurnMinObjects = 5 }).ChurnSites);
    }

    [Fact]
    public void Objects_of_85000_bytes_or_more_are_large_object_heap_allocations_by_site()
    {
        Allocate(1, 1, Bytes, NewLarge, 85_000);
        Allocate(2, 2, Bytes, NewLarge, 100_000);
        Add(3, EventKind.Collected, null, 2);
        Allocate(4, 3, Bytes, NewBuffer, 84_999);

        var site = Assert.Single(Analyze().LargeObjectSites);
        Assert.Same(NewLarge, site.Site);
        Assert.Equal((2, 185_000L, 100_000L, 1), (site.Objects, site.Bytes, site.LargestBytes, site.StillLive));
    }

    [Fact]
    public void Live_bytes_that_climb_steadily_are_growth_with_the_fitted_slope_per_type_and_per_site()
    {
        // 100 entries of 4,096 bytes, one every 10 ms, never collected: 409,600 bytes per second.
        for (int i = 0; i < 100; i++)
            Allocate(i * 10, i + 1, Entry, NewEntry, 4096);

        var report = Analyze();
        var bySite = Assert.Single(report.GrowthBySite);
        Assert.Same(NewEntry, bySite.Site);
        Assert.Equal(409_600, bySite.BytesPerSecond, 409_600 * 0.001);
        Assert.Equal((100, 100, 409_600L), (bySite.Points, bySite.Objects, bySite.LastLiveBytes));
        Assert.True(bySite.Fit > 0.99);
        var byType = Assert.Single(report.GrowthByType);
        Assert.Equal(("Cache.Entry", (SiteInfo?)null), (byType.TypeName, byType.Site));
        Assert.Equal(bySite.BytesPerSecond, byType.BytesPerSecond, 1e-6);
    }

    [Fact]
    public void Allocations_that_are_collected_as_fast_as_they_come_are_not_growth()
    {
        Churn(1, 200, NewBuffer, 0, lifetimeMs: 0.5, size: 8192);

        var report = Analyze();
        Assert.Empty(report.GrowthBySite);
        Assert.Empty(report.GrowthByType);
    }

    [Fact]
    public void A_disposable_finalized_or_collected_without_Dispose_relies_on_the_finalizer_and_a_disposed_one_does_not()
    {
        Allocate(1, 1, FileStream, NewStream, 200);
        Add(2, EventKind.Finalized, null, 1);
        Add(3, EventKind.Collected, null, 1);
        Allocate(4, 2, FileStream, NewStream, 200);
        Add(5, EventKind.Collected, null, 2);
        Allocate(6, 3, FileStream, NewStream, 200);
        Add(7, EventKind.Dispose, DisposeCall, 3);
        Add(8, EventKind.Collected, null, 3);

        var reliance = Assert.Single(Analyze().FinalizerReliance);
        Assert.Same(NewStream, reliance.Site);
        Assert.Equal((2, 1, 2, 400L), (reliance.Objects, reliance.Finalized, reliance.CollectedWithoutDispose, reliance.Bytes));
    }

    [Fact]
    public void Gen2_pressure_counts_full_collections_per_second_and_their_share_between_the_first_and_last_sample()
    {
        Sample(0, gen0: 10, gen1: 4, gen2: 1, pauseMs: 5);
        Sample(1000, gen0: 20, gen1: 8, gen2: 5);
        Sample(2000, gen0: 30, gen1: 12, gen2: 9, pauseMs: 45);

        var gen2 = Analyze().Gen2Pressure!;
        Assert.Equal((3, 20, 8, 8), (gen2.Samples, gen2.Collections, gen2.Gen1Collections, gen2.Gen2Collections));
        Assert.Equal(4, gen2.Gen2PerSecond, 6);
        Assert.Equal(0.4, gen2.Gen2Share, 6);
        Assert.Equal(40, gen2.PauseMs, 6);
        Assert.True(gen2.IsSignificant);
    }

    [Fact]
    public void Without_two_GC_samples_there_is_no_gen2_pressure_to_measure()
    {
        Sample(0, gen0: 10, gen1: 4, gen2: 1);

        Assert.Null(Analyze().Gen2Pressure);
    }

    [Fact]
    public void Pinned_GCHandles_report_how_long_they_stayed_pinned_and_the_samples_report_pinned_objects()
    {
        Add(0, EventKind.PinAlloc, PinSite, 0x10, (long)GCHandleType.Pinned);
        Add(250, EventKind.PinFree, FreePin, 0x10, (long)FreeOutcome.Released);
        Add(300, EventKind.PinAlloc, PinSite, 0x20, (long)GCHandleType.Pinned);
        Add(310, EventKind.PinAlloc, PinSite, 0x30, (long)GCHandleType.Normal);
        Sample(100, 1, 0, 0, pinned: 7);
        Sample(400, 2, 0, 0, pinned: 3);

        var pinning = Analyze().Pinning;
        var site = Assert.Single(pinning.Sites);
        Assert.Equal((2, 1), (site.Handles, site.StillPinned));
        Assert.Equal(250, site.MaxPinnedMs, 3);
        Assert.Equal(350, site.TotalPinnedMs, 3); // the second pin counts until the last sample at 400 ms
        Assert.Equal((7L, (double?)100), (pinning.MaxPinnedObjects, pinning.MaxPinnedObjectsAtMs));
    }

    [Fact]
    public void PInvoke_time_gives_each_site_its_share_of_all_PInvoke_time()
    {
        for (int i = 0; i < 3; i++)
        {
            Add(i * 20, EventKind.PInvokeEnter, CallCrc, 0);
            Add(i * 20 + 10, EventKind.PInvokeExit, CallCrc, 0, Ticks(10));
        }
        Add(100, EventKind.PInvokeEnter, CallSleep, 0);
        Add(110, EventKind.PInvokeExit, CallSleep, 0, Ticks(10));

        var time = Analyze().PInvokeTime;
        Assert.Equal((40, 4), (Math.Round(time.TotalMs), time.Calls));
        Assert.Equal(110, time.RecordingMs, 3);
        Assert.Equal(new[] { ("libz.so.1!crc32", 0.75), ("libc!usleep", 0.25) }, time.Sites.Select(s => (s.Call.Site.Name!, Math.Round(s.Share, 6))));
    }

    [Fact]
    public void Allocations_are_broken_down_per_thread_with_the_thread_name_and_share_of_bytes()
    {
        Allocate(0, 1, Bytes, NewBuffer, 300, thread: 1);
        Allocate(1, 2, Bytes, NewBuffer, 500, thread: 2);
        Allocate(2, 3, Bytes, NewBuffer, 200, thread: 2);

        var threads = Analyze().Threads;
        Assert.Equal(new[] { (2, "worker", 2, 700L, 0.7), (1, "Main", 1, 300L, 0.3) },
            threads.Select(t => (t.ThreadId, t.Name!, t.Objects, t.Bytes, Math.Round(t.ShareOfBytes, 6))));
    }

    [Fact]
    public void A_delegate_field_stored_repeatedly_and_never_cleared_is_a_possible_event_handler_leak()
    {
        for (int i = 1; i <= 3; i++)
        {
            Allocate(i * 10, i, Action, NewHandler, 64);
            Add(i * 10 + 1, EventKind.Bind, StoreHandler, i, i - 1); // += : the combined delegate replaces the previous one
        }

        var leak = Assert.Single(Analyze().HandlerLeaks);
        Assert.Equal(("Publisher.Changed", "System.Action", 3, 1, 64L), (leak.Field, leak.DelegateType, leak.Stores, leak.StillAttached, leak.Bytes));
        Assert.Same(StoreHandler, leak.LastStore);
    }

    [Fact]
    public void A_delegate_field_set_back_to_null_is_not_a_handler_leak()
    {
        for (int i = 1; i <= 3; i++)
        {
            Allocate(i * 10, i, Action, NewHandler, 64);
            Add(i * 10 + 1, EventKind.Bind, StoreCallback, i, i - 1);
        }
        Add(50, EventKind.Bind, StoreCallback, 0, 3); // -= of the last handler stores null
        Allocate(60, 4, Action, NewHandler, 64);
        Add(61, EventKind.Bind, StoreCallback, 4, 0);

        Assert.Empty(Analyze().HandlerLeaks);
    }

    [Fact]
    public void A_field_of_a_type_that_is_not_a_delegate_is_never_a_handler_leak()
    {
        var notDelegate = At(13, SiteKind.Field, 80, "Cache.Last", "Cache.Entry");
        var sites = new SiteTable(new[] { NewEntry, notDelegate });
        var events = new List<RecordedEvent>();
        for (int i = 1; i <= 3; i++)
        {
            events.Add(new RecordedEvent(new TraceEvent(i * 2, EventKind.Identify, NewEntry.Id, i, Entry), 1));
            events.Add(new RecordedEvent(new TraceEvent(i * 2 + 1, EventKind.Bind, notDelegate.Id, i, i - 1), 1));
        }
        var recording = new Recording(new RecordingData(events.ToArray(), 0, new List<RecordedThread>()) { Types = Types }, sites, 0, DateTimeOffset.UnixEpoch, 0);

        Assert.Empty(PatternAnalysis.Analyze(recording, LifecycleAnalysis.Analyze(recording)).HandlerLeaks);
    }

    [Fact]
    public void The_diagnosis_ranks_leaks_before_warnings_and_larger_bytes_first_within_a_severity()
    {
        Churn(1000, 5, NewBuffer, 0, lifetimeMs: 1, size: 10_000);    // warning, 50,000 bytes
        Allocate(10, 1, FileStream, NewStream, 200);                   // error: never disposed, 200 bytes
        Allocate(11, 2, Bytes, NewLarge, 90_000);                      // info: one large object
        Allocate(12, 3, Bytes, NewLarge, 90_000);                      // ... two make it a warning of 180,000 bytes

        var diagnosis = Analyze(new PatternOptions { ChurnMinObjects = 5 }).Diagnosis;

        Assert.Equal(new[] { "leak.undisposed", "largeObjectHeap", "churn" }, diagnosis.Select(f => f.Kind));
        Assert.Equal(new[] { 1, 2, 3 }, diagnosis.Select(f => f.Rank));
        Assert.Equal(FindingSeverity.Error, diagnosis[0].Severity);
    }

    [Fact]
    public void Each_finding_names_its_site_by_file_and_line_and_says_where_its_numbers_come_from()
    {
        Churn(1, 5, NewBuffer, 0, lifetimeMs: 2, size: 100);

        var finding = Assert.Single(Analyze(new PatternOptions { ChurnMinObjects = 5 }).Diagnosis);
        Assert.Equal("5 of 5 byte[] objects allocated at Program.cs:10 (Program.Main) were collected within 100 ms (median lifetime 2 ms, 500 bytes): allocation churn the GC pays for.", finding.Message);
        Assert.Same(NewBuffer, finding.Site);
        Assert.Contains(finding.Evidence, e => e.Contains("Alloc event") && e.Contains("Collected event"));
        Assert.Contains(finding.Evidence, e => e.Contains("ChurnMinObjects = 5"));
    }

    [Fact]
    public void Leaks_of_one_site_are_one_finding_and_finalizer_reliance_of_that_site_is_its_evidence_not_a_second_finding()
    {
        for (int i = 1; i <= 3; i++)
        {
            Allocate(i, i, FileStream, NewStream, 200);
            Add(10 + i, EventKind.Finalized, null, i);
            Add(20 + i, EventKind.Collected, null, i);
        }

        var finding = Assert.Single(Analyze().Diagnosis);
        Assert.Equal(("leak.undisposed", 3L, 600L), (finding.Kind, finding.Count, finding.Bytes));
        Assert.StartsWith("3 System.IO.FileStream objects created at Program.cs:20", finding.Message);
        Assert.Contains(finding.Evidence, e => e == "finalizer reliance: 3 finalized and 3 collected, without Dispose");
    }

    [Fact]
    public void Violations_of_the_lifecycle_analysis_are_findings_with_their_site_and_the_site_they_contradict()
    {
        Allocate(1, 1, FileStream, NewStream, 200);
        Add(2, EventKind.Dispose, DisposeCall, 1);
        Add(3, EventKind.DisposeAgain, DisposeCall, 1);

        var finding = Assert.Single(Analyze().Diagnosis);
        Assert.Equal(("violation.doubleDispose", FindingSeverity.Warning), (finding.Kind, finding.Severity));
        Assert.Contains(finding.Evidence, e => e == "related site: Program.cs:22 (Program.Main)");
    }

    [Fact]
    public void The_diagnosis_keeps_at_most_MaxFindings()
    {
        for (int i = 1; i <= 5; i++)
        {
            var site = At(100 + i, SiteKind.Alloc, 100 + i, "s" + i);
            _events.Add(new RecordedEvent(new TraceEvent(i, EventKind.Alloc, site.Id, i, new IdentityValue(FileStream, 10 * i, 1).Pack()), 1));
        }

        var diagnosis = Analyze(new PatternOptions { MaxFindings = 2 }).Diagnosis;
        Assert.Equal(2, diagnosis.Count);
    }

    [Fact]
    public void The_thread_breakdown_counts_every_object_of_a_million_event_recording()
    {
        // 250,000 objects: an activity change, Alloc, Bind, Collected each.
        var bind = At(20, SiteKind.Local, 10, "buffer");
        var events = new RecordedEvent[1_000_000];
        for (int i = 0; i < 250_000; i++)
        {
            long id = i + 1, t = i * 4L;
            events[i * 4] = new RecordedEvent(new TraceEvent(t, EventKind.ActivityChange, NewBuffer.Id, 0, 0), i % 4);
            events[i * 4 + 1] = new RecordedEvent(new TraceEvent(t + 1, EventKind.Alloc, NewBuffer.Id, id, new IdentityValue(Bytes, 64, 1).Pack()), i % 4);
            events[i * 4 + 2] = new RecordedEvent(new TraceEvent(t + 2, EventKind.Bind, bind.Id, id, 0), i % 4);
            events[i * 4 + 3] = new RecordedEvent(new TraceEvent(t + 3 + (i % 7) * 100, EventKind.Collected, 0, id, 0), i % 4);
        }
        var recording = new Recording(new RecordingData(events, 0, new List<RecordedThread>()) { Types = Types }, new SiteTable(new[] { NewBuffer, bind }), 0, DateTimeOffset.UnixEpoch, 0);
        var lifecycle = LifecycleAnalysis.Analyze(recording);

        // Speed is measured by benchmarks/MemScope.Benchmarks (ExportBenchmarks), not by a timed test.
        var report = PatternAnalysis.Analyze(recording, lifecycle);

        Assert.Equal(250_000, report.Threads.Sum(t => t.Objects));
        Assert.Equal(4, report.Threads.Count);
    }

    [Fact]
    public void The_patterns_file_is_valid_against_its_published_schema()
    {
        Churn(1000, 5, NewBuffer, 0, lifetimeMs: 1, size: 10_000);
        Allocate(10, 1, FileStream, NewStream, 200);
        Add(11, EventKind.Finalized, null, 1);
        Add(12, EventKind.Collected, null, 1);
        Allocate(13, 2, Bytes, NewLarge, 90_000);
        for (int i = 0; i < 100; i++)
            Allocate(20 + i * 10, 10_000 + i, Entry, NewEntry, 4096);
        for (int i = 1; i <= 3; i++)
        {
            Allocate(2000 + i, 20_000 + i, Action, NewHandler, 64);
            Add(2000 + i, EventKind.Bind, StoreHandler, 20_000 + i, i == 1 ? 0 : 20_000 + i - 1);
        }
        Add(0, EventKind.PinAlloc, PinSite, 0x10, (long)GCHandleType.Pinned);
        Add(500, EventKind.PInvokeEnter, CallCrc, 0);
        Add(900, EventKind.PInvokeExit, CallCrc, 0, Ticks(400));
        Add(901, EventKind.DisposeAgain, DisposeCall, 1);
        Sample(0, 10, 4, 1, pinned: 2);
        Sample(2100, 30, 12, 9, pinned: 5, pauseMs: 12);
        var recording = Record();
        var lifecycle = LifecycleAnalysis.Analyze(recording);
        var patterns = PatternAnalysis.Analyze(recording, lifecycle, new PatternOptions { ChurnMinObjects = 5 });
        string directory = Directory.CreateTempSubdirectory("memscope-patterns-").FullName;

        string path = PatternsJson.Write(recording, lifecycle, patterns, "hand_built", Path.Combine(directory, "hand_built_patterns.json"));

        var json = JsonNode.Parse(File.ReadAllText(path))!;
        var result = Schemas.Load("patterns.schema.json").Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = result.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, string.Join(Environment.NewLine, errors.Take(20)));
        var keys = json.AsObject().Select(p => p.Key).ToList();
        Assert.Equal("diagnosis", keys[keys.IndexOf("sampledOneIn") + 1]); // the first thing after the common header
        foreach (var section in new[] { "churnSites", "largeObjectSites", "growthBySite", "growthByType", "finalizerReliance", "eventHandlerLeaks", "threads" })
            Assert.NotEmpty(json[section]!.AsArray());
        Assert.True(json["gen2Pressure"]!["significant"]!.GetValue<bool>());
        Assert.NotEmpty(json["pinning"]!["sites"]!.AsArray());
        Assert.NotEmpty(json["pinvokeTime"]!["sites"]!.AsArray());
    }
}
