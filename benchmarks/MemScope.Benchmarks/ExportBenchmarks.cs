using System;
using System.Collections.Generic;
using System.IO;
using BenchmarkDotNet.Attributes;
using MemScopeReports.Export;
using MemScopeRuntime.Identity;
using MemScopeRuntime.Capture;
using MemScopeTrace.Model;

namespace MemScopeBenchmarks;

/// <summary>
/// Export of a recording of N events (a third of them objects: Alloc, Bind, then ScopeEnd, Dispose or Collected) to the
/// whole report set: JSON, SVG, the HTML dashboard and the trace. Targets: 1,000,000 events in ≤ 1.5 s, 10,000 in ≤ 50 ms.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)] // an export of a million events takes seconds and allocates hundreds of MB: one warm-up is steady enough
public class ExportBenchmarks
{
    private Recording _recording = null!;
    private string _directory = null!;

    /// <summary>A recording's length and the export mode.</summary>
    public readonly record struct ExportCase(int Events, ExportMode Mode)
    {
        public override string ToString() => $"{Events} {Mode}";
    }

    /// <summary>
    /// Auto is the default: Detailed up to 100,000 objects (so the same as Detailed at 10,000 and 250,000 events, which
    /// are not run twice), Fast at a million events, where Detailed, which lists every object, is measured too.
    /// </summary>
    public static IEnumerable<ExportCase> Cases() => new[]
    {
        new ExportCase(10_000, ExportMode.Auto),
        new ExportCase(250_000, ExportMode.Auto),
        new ExportCase(1_000_000, ExportMode.Auto),
        new ExportCase(1_000_000, ExportMode.Detailed),
    };

    [ParamsSource(nameof(Cases))]
    public ExportCase Case { get; set; }

    private ExportMode Mode => Case.Mode;

    [GlobalSetup]
    public void Setup()
    {
        _recording = SyntheticRecording.Create(Case.Events);
        _directory = Directory.CreateTempSubdirectory("memscope-export-bench-").FullName;
    }

    [Benchmark]
    public int ExportAll() => Reports.Write(_recording, "bench", _directory, new ReportOptions { Mode = Mode }).Count;

    /// <summary>Everything after the trace: the analysis, the JSON set, the charts and the dashboard (the reports' share of an export).</summary>
    [Benchmark]
    public int ReportsAfterTheTrace() =>
        Reports.Write(_recording, "bench", _directory, new ReportOptions { Mode = Mode, Formats = ReportFormats.Json | ReportFormats.Svg | ReportFormats.Html }).Count;
}

/// <summary>A realistic recording built without running woven code: 40 allocation sites over 8 types, 4 threads.</summary>
public static class SyntheticRecording
{
    private static readonly Type[] Types =
    {
        typeof(List<int>), typeof(string), typeof(byte[]), typeof(Dictionary<string, List<int>>),
        typeof(MemoryStream), typeof(object), typeof(int[]), typeof(StringWriter),
    };

    public static Recording Create(int events)
    {
        var sites = new List<SiteInfo>();
        for (int i = 0; i < 40; i++)
        {
            sites.Add(new SiteInfo(1 + i * 3, SiteKind.Alloc, "Bench", $"Worker.Step{i % 10}", "/src/Worker.cs", 10 + i, 9, $"item{i}", Types[i % Types.Length].Name));
            sites.Add(new SiteInfo(2 + i * 3, SiteKind.Local, "Bench", $"Worker.Step{i % 10}", "/src/Worker.cs", 10 + i, 9, $"item{i}", Types[i % Types.Length].Name));
            sites.Add(new SiteInfo(3 + i * 3, SiteKind.ScopeEnd, "Bench", $"Worker.Step{i % 10}", "/src/Worker.cs", 60 + i, 5, $"item{i}", Types[i % Types.Length].Name));
        }

        var recorded = new RecordedEvent[events];
        var random = new Random(42);
        long clock = 1_000_000;
        int n = 0;
        for (long id = 1; n + 3 <= events; id++)
        {
            int site = (int)(id % 40);
            int thread = 1 + (int)(id % 4);
            var type = Types[site % Types.Length];
            recorded[n++] = new RecordedEvent(new TraceEvent(clock++, EventKind.Alloc, 1 + site * 3, id, new IdentityValue(TypeRegistry.IdOf(type), 32 + random.Next(256), 1).Pack()), thread);
            recorded[n++] = new RecordedEvent(new TraceEvent(clock++, EventKind.Bind, 2 + site * 3, id, 0), thread);
            // Disposables are disposed where they go out of scope (the 3rd event); every tenth object is collected instead.
            var last = id % 10 == 0 ? EventKind.Collected : typeof(IDisposable).IsAssignableFrom(type) ? EventKind.Dispose : EventKind.ScopeEnd;
            recorded[n++] = new RecordedEvent(new TraceEvent(clock++, last, last == EventKind.Collected ? 0 : 3 + site * 3, id, 0), thread);
        }
        Array.Resize(ref recorded, n);
        var threads = new List<RecordedThread> { new(1, "main"), new(2, null), new(3, null), new(4, null) };
        return new Recording(new RecordingData(recorded, 0, threads) { Types = TypeRegistry.Describe(recorded) }, new SiteTable(sites), 0, DateTimeOffset.UtcNow, 0);
    }
}
