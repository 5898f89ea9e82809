using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Xml.Linq;
using MemScopeReports.Analysis;
using MemScopeReports.Export.Svg;
using MemScopeRuntime.Gc;
using MemScopeRuntime.Identity;
using MemScopeRuntime.Capture;
using MemScopeTrace.Model;
using Xunit;
using Xunit.Abstractions;

namespace MemScopeRuntimeTests;

/// <summary>The SVG charts, drawn from hand-built recordings with known contents and read back as XML.</summary>
public sealed class SvgChartsTests : IDisposable
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private const string MarkupTypeName = "List<int> & \"x\"";

    private static readonly SiteInfo NewBuffer = At(1, SiteKind.Alloc, 10, "buffer");
    private static readonly SiteInfo NewStream = At(2, SiteKind.Alloc, 11, "stream");
    private static readonly SiteInfo NewItems = At(3, SiteKind.Alloc, 12, "items");
    private static readonly SiteInfo DisposeCall = At(4, SiteKind.Unknown, 14, "MemoryStream.Dispose");
    private static readonly SiteInfo ReadCall = At(5, SiteKind.Unknown, 15, "MemoryStream.ReadByte");
    private static readonly SiteInfo AllocBlock = At(6, SiteKind.Unknown, 20, "native", "Marshal.AllocHGlobal");

    private readonly ITestOutputHelper _output;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "memscope-svg-" + Guid.NewGuid().ToString("N"));
    private readonly List<RecordedEvent> _events = new();
    private readonly List<GcSample> _samples = new();

    public SvgChartsTests(ITestOutputHelper output) => _output = output;

    public void Dispose()
    {
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    private static SiteInfo At(int id, SiteKind kind, int line, string? name, string? type = null) =>
        new(id, kind, "App", "Program.Main", "Program.cs", line, 9, name, type);

    private static long Ms(double ms) => (long)(ms * Stopwatch.Frequency / 1000);

    private void Add(double atMs, EventKind kind, SiteInfo? site, long subject, long value = 0) =>
        _events.Add(new RecordedEvent(new TraceEvent(Ms(atMs), kind, site?.Id ?? 0, subject, value), 1));

    private void Allocate(double atMs, long id, Type type, SiteInfo site, long size)
    {
        Add(atMs, EventKind.Alloc, site, id, new IdentityValue(TypeRegistry.IdOf(type), size, 1).Pack());
    }

    private void Sample(double atMs, long heap, long fragmented, int gen0, int gen1, int gen2) =>
        _samples.Add(new GcSample(Ms(atMs), heap + 5_000, heap, heap, fragmented, heap, 0, 0, gen0, gen1, gen2, gen0, 0, 0, 0, Array.Empty<GenerationSample>()));

    private Recording Record() =>
        new(new RecordingData(_events.ToArray(), 0, new List<RecordedThread>()) { GcSamples = _samples, Types = TypeRegistry.Describe(_events.ToArray()) },
            new SiteTable(new[] { NewBuffer, NewStream, NewItems, DisposeCall, ReadCall, AllocBlock }), 0, DateTimeOffset.UnixEpoch, 0);

    /// <summary>A buffer (1 KiB, collected at 3 ms), a stream (2 KiB, disposed, used after dispose, alive) and a list (512 B, collected).</summary>
    private void RecordKnownProgram()
    {
        Allocate(1, 1, typeof(byte[]), NewBuffer, 1024);
        Allocate(2, 2, typeof(MemoryStream), NewStream, 2048);
        Allocate(2.5, 3, typeof(List<int>), NewItems, 512);
        Add(3, EventKind.Collected, null, 1);
        Add(4, EventKind.Dispose, DisposeCall, 2);
        Add(5, EventKind.UseAfterDispose, ReadCall, 2);
        Add(6, EventKind.Collected, null, 3);
        Add(7, EventKind.NativeAlloc, AllocBlock, 0x1000, 4096);
        Add(8, EventKind.NativeFree, null, 0x1000, (long)FreeOutcome.Released);
        Sample(0.5, 100_000, 1_000, 0, 0, 0);
        Sample(3.5, 120_000, 2_000, 1, 0, 0);
        Sample(5.5, 90_000, 3_000, 3, 1, 0);
        Sample(9, 80_000, 500, 4, 2, 1);
    }

    private (Recording Recording, LifecycleReport Report) Analyze()
    {
        var recording = Record();
        return (recording, LifecycleAnalysis.Analyze(recording));
    }

    private XDocument Chart(string suffix, string name = "app")
    {
        var (recording, report) = Analyze();
        return Chart(recording, report, suffix, name);
    }

    private XDocument Chart(Recording recording, LifecycleReport report, string suffix, string name = "app")
    {
        var paths = SvgCharts.WriteAll(recording, report, name, _directory);
        string path = paths.Single(p => p.EndsWith(suffix, StringComparison.Ordinal));
        // Parsing is the validity check: a stray '<' or '&' from a type name would throw here.
        var document = XDocument.Parse(File.ReadAllText(path));
        Assert.Equal(Svg + "svg", document.Root!.Name);
        Assert.Equal("1.1", (string?)document.Root.Attribute("version"));
        return document;
    }

    private static IEnumerable<XElement> WithClass(XDocument document, string cssClass) =>
        document.Descendants().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cssClass) == true);

    private static List<string> Texts(XDocument document) =>
        document.Descendants(Svg + "text").Select(t => string.Concat(t.Nodes().OfType<XText>().Select(n => n.Value))).ToList();

    private static List<string> Tooltips(XDocument document) => document.Descendants(Svg + "title").Select(t => t.Value).ToList();

    [Fact]
    public void WriteAll_writes_the_three_charts_and_leaves_no_temporary_file()
    {
        RecordKnownProgram();
        var (recording, report) = Analyze();

        var paths = SvgCharts.WriteAll(recording, report, "app", _directory);

        Assert.Equal(new[] { "app_timeline.svg", "app_lifetimes.svg", "app_types.svg" }, paths.Select(Path.GetFileName));
        Assert.All(paths, p => Assert.True(File.Exists(p)));
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public void Timeline_has_a_title_labelled_time_and_byte_axes_and_a_legend()
    {
        RecordKnownProgram();

        var chart = Chart("_timeline.svg");

        var texts = Texts(chart);
        Assert.Equal("app: tracked memory over time", chart.Root!.Element(Svg + "title")!.Value);
        Assert.Contains("app: tracked memory over time", texts);
        Assert.Contains("time since the session started (ms)", texts);
        Assert.Contains("bytes (KiB)", texts);
        Assert.Contains(texts, t => t.EndsWith(" KiB", StringComparison.Ordinal));
        Assert.Contains("GC heap size (after the last GC)", texts);
        Assert.Contains("managed bytes in use", texts);
        Assert.Contains("GC fragmented bytes", texts);
    }

    [Fact]
    public void Timeline_peak_adds_live_objects_and_live_native_blocks()
    {
        RecordKnownProgram();
        Add(2.7, EventKind.NativeAlloc, AllocBlock, 0x2000, 1024); // never freed

        var chart = Chart("_timeline.svg");

        // At 7 ms: the stream (2 KiB), this block (1 KiB) and the 4 KiB block allocated then.
        Assert.Contains(Texts(chart), t => t.Contains("peak tracked live 7 KiB (native peak 5 KiB)", StringComparison.Ordinal));
        Assert.Single(WithClass(chart, "tracked"));
        Assert.Single(WithClass(chart, "native"));
    }

    [Fact]
    public void Timeline_draws_one_path_per_series_whatever_the_number_of_events()
    {
        RecordKnownProgram();

        var chart = Chart("_timeline.svg");

        Assert.Equal(5, WithClass(chart, "series").Count());
        Assert.Single(WithClass(chart, "gc-in-use"));
        Assert.Single(WithClass(chart, "gc-heap"));
        Assert.Single(WithClass(chart, "gc-fragmented"));
    }

    [Fact]
    public void Timeline_marks_each_collection_with_the_highest_generation_collected()
    {
        RecordKnownProgram();

        var chart = Chart("_timeline.svg");

        Assert.Single(WithClass(chart, "gen0"));
        Assert.Single(WithClass(chart, "gen1"));
        Assert.Single(WithClass(chart, "gen2"));
        var texts = Texts(chart);
        Assert.Contains("gen0 GC (2)", texts); // 4 gen0 counts, of which one was the gen1 and one the gen2 collection
        Assert.Contains("gen1 GC (1)", texts);
        Assert.Contains("gen2 GC (1)", texts);
    }

    [Fact]
    public void Lifetimes_has_a_title_a_time_axis_and_a_variable_and_type_axis()
    {
        RecordKnownProgram();

        var chart = Chart("_lifetimes.svg");

        var texts = Texts(chart);
        Assert.Contains("app: object lifetimes by variable", texts);
        Assert.Contains("time since the session started (ms)", texts);
        Assert.Contains("variable · type", texts);
        Assert.Contains("stream · System.IO.MemoryStream", texts);
    }

    [Fact]
    public void Lifetimes_draws_one_bar_per_object_coloured_by_whether_it_was_collected()
    {
        RecordKnownProgram();

        var chart = Chart("_lifetimes.svg");

        Assert.Equal(3, WithClass(chart, "lifetime-bar").Count());
        Assert.Equal(2, WithClass(chart, "collected").Count());
        Assert.Single(WithClass(chart, "alive"));
    }

    [Fact]
    public void Lifetimes_marks_dispose_collection_and_violations()
    {
        RecordKnownProgram();

        var chart = Chart("_lifetimes.svg");

        Assert.Single(WithClass(chart, "dispose-mark"));
        Assert.Equal(2, WithClass(chart, "collect-mark").Count());
        var violation = Assert.Single(WithClass(chart, "violation-mark"));
        Assert.StartsWith("useAfterDispose at 5 ms", violation.Element(Svg + "title")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Lifetimes_shows_at_most_200_objects_and_says_how_many_were_omitted()
    {
        for (int i = 1; i <= 250; i++)
            Allocate(i, i, typeof(byte[]), NewBuffer, 1000 + i);

        var chart = Chart("_lifetimes.svg");

        Assert.Equal(LifetimesChart.MaxObjects, WithClass(chart, "lifetime-bar").Count());
        Assert.Contains(Texts(chart), t => t.StartsWith("200 of 250 objects shown; 50 omitted", StringComparison.Ordinal));
        // The largest are kept: the 50 smallest (sizes 1001..1050) are the ones left out.
        var tooltips = Tooltips(chart);
        Assert.DoesNotContain(tooltips, t => t.StartsWith("#1 ", StringComparison.Ordinal) || t.StartsWith("#50 ", StringComparison.Ordinal));
        Assert.Contains(tooltips, t => t.StartsWith("#51 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Types_has_a_title_and_labelled_bytes_and_count_axes()
    {
        RecordKnownProgram();

        var chart = Chart("_types.svg");

        var texts = Texts(chart);
        Assert.Contains("app: memory by type", texts);
        Assert.Contains("bytes by type", texts);
        Assert.Contains("objects by type", texts);
        Assert.Contains("bytes (total size of the type's objects), KiB", texts);
        Assert.Contains("objects (count)", texts);
    }

    [Fact]
    public void Types_draws_a_bytes_bar_and_a_count_bar_per_type_largest_first()
    {
        RecordKnownProgram();

        var chart = Chart("_types.svg");

        Assert.Equal(3, WithClass(chart, "bytes-bar").Count());
        Assert.Equal(3, WithClass(chart, "count-bar").Count());
        var labels = WithClass(chart, "type-label").Select(e => e.Element(Svg + "title")!.Value).Take(3).ToList();
        Assert.Equal(new[] { "System.IO.MemoryStream", "byte[]", "System.Collections.Generic.List<int>" }, labels);
    }

    [Fact]
    public void Types_shows_the_top_20_types_of_each_measure()
    {
        var types = new[] { typeof(int[]), typeof(long[]), typeof(byte[]), typeof(char[]), typeof(short[]), typeof(string[]), typeof(object[]),
            typeof(List<int>), typeof(List<long>), typeof(List<string>), typeof(List<object>), typeof(List<byte>), typeof(List<char>),
            typeof(HashSet<int>), typeof(HashSet<long>), typeof(HashSet<string>), typeof(Queue<int>), typeof(Queue<long>), typeof(Stack<int>),
            typeof(Stack<long>), typeof(Dictionary<int, int>), typeof(Dictionary<int, long>), typeof(MemoryStream), typeof(StringWriter), typeof(StringReader) };
        for (int i = 0; i < types.Length; i++)
            Allocate(i + 1, i + 1, types[i], NewItems, 100 * (i + 1));

        var chart = Chart("_types.svg");

        Assert.Equal(TypesChart.MaxTypes, WithClass(chart, "bytes-bar").Count());
        Assert.Equal(TypesChart.MaxTypes, WithClass(chart, "count-bar").Count());
        Assert.Contains(Texts(chart), t => t.Contains("25 types", StringComparison.Ordinal) && t.Contains("top 20", StringComparison.Ordinal));
    }

    [Fact]
    public void A_type_name_with_markup_characters_is_escaped_in_the_lifetimes_and_types_charts()
    {
        RecordKnownProgram();
        var (recording, report) = Analyze();
        report.Objects.Single(o => o.Id == 3).TypeName = MarkupTypeName;

        var lifetimes = Chart(recording, report, "_lifetimes.svg");
        var types = Chart(recording, report, "_types.svg");

        Assert.Contains(Tooltips(lifetimes), t => t.Contains("items · " + MarkupTypeName, StringComparison.Ordinal));
        Assert.Contains(Texts(types), t => t == MarkupTypeName);
        Assert.Contains(MarkupTypeName, Tooltips(types));
    }

    [Fact]
    public void A_report_name_with_markup_characters_is_escaped_in_every_title()
    {
        RecordKnownProgram();
        var (recording, report) = Analyze();

        foreach (var suffix in new[] { "_timeline.svg", "_lifetimes.svg", "_types.svg" })
        {
            // '<', '>' and '"' cannot be in a Windows file name; type names cover them.
            var chart = Chart(recording, report, suffix, name: "R&D's app");
            Assert.StartsWith("R&D's app: ", chart.Root!.Element(Svg + "title")!.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_long_type_name_is_cut_with_an_ellipsis_and_kept_whole_in_its_tooltip()
    {
        RecordKnownProgram();
        var (recording, report) = Analyze();
        string longName = "System.Collections.Generic.Dictionary<string, System.Collections.Generic.List<System.Collections.Generic.KeyValuePair<int, string>>>";
        report.Objects.Single(o => o.Id == 2).TypeName = longName;

        var types = Chart(recording, report, "_types.svg");

        var label = WithClass(types, "type-label").First(e => e.Element(Svg + "title")!.Value == longName);
        string shown = string.Concat(label.Nodes().OfType<XText>().Select(n => n.Value));
        Assert.EndsWith("…", shown, StringComparison.Ordinal);
        Assert.StartsWith(shown.TrimEnd('…'), longName, StringComparison.Ordinal);
        Assert.True(shown.Length < longName.Length);
    }

    [Fact]
    public void An_empty_recording_gives_three_valid_charts_that_say_no_data()
    {
        var recording = Record();
        var report = LifecycleAnalysis.Analyze(recording);

        foreach (var suffix in new[] { "_timeline.svg", "_lifetimes.svg", "_types.svg" })
        {
            var chart = Chart(recording, report, suffix);
            Assert.Single(WithClass(chart, "no-data"));
            Assert.Contains("no data", Texts(chart));
        }
    }

    [Fact]
    public void The_same_recording_always_gives_byte_identical_charts()
    {
        RecordKnownProgram();
        var (recording, report) = Analyze();

        var first = SvgCharts.WriteAll(recording, report, "app", _directory).Select(File.ReadAllText).ToList();
        var second = SvgCharts.WriteAll(recording, report, "app", _directory).Select(File.ReadAllText).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Numbers_are_written_the_same_under_a_culture_with_a_decimal_comma()
    {
        RecordKnownProgram();
        var (recording, report) = Analyze();
        var invariant = SvgCharts.WriteAll(recording, report, "app", _directory).Select(File.ReadAllText).ToList();

        var culture = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var german = SvgCharts.WriteAll(recording, report, "app", _directory).Select(File.ReadAllText).ToList();
            Assert.Equal(invariant, german);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Charts_of_a_million_events_stay_small_and_valid()
    {
        // 375,000 objects × (Identify, Alloc, and for two in three Collected) = 1,000,000 events.
        var types = new[] { typeof(byte[]), typeof(List<int>), typeof(MemoryStream), typeof(string) };
        var typeIds = types.Select(TypeRegistry.IdOf).ToArray();
        var events = new List<RecordedEvent>(1_000_002);
        for (int i = 0; i < 375_000; i++)
        {
            long t = Ms(i * 0.01);
            events.Add(new RecordedEvent(new TraceEvent(t, EventKind.Alloc, NewItems.Id, i + 1, new IdentityValue(typeIds[i % 4], 16 + i % 1000, 1).Pack()), 1));
            if (i % 3 != 0)
                events.Add(new RecordedEvent(new TraceEvent(t + Ms(5 + i % 50), EventKind.Collected, 0, i + 1, 0), 1));
        }
        for (int i = 0; i < 1000; i++)
            _samples.Add(new GcSample(Ms(i * 3.4), 1_200_000 + i * 1000, 1_000_000 + i * 1000, 0, i * 10, 0, 0, 0, i, i / 10, i / 100, i, 0, 0, 0, Array.Empty<GenerationSample>()));
        var recording = new Recording(new RecordingData(events.ToArray(), 0, new List<RecordedThread>()) { GcSamples = _samples, Types = TypeRegistry.Describe(events.ToArray()) },
            new SiteTable(new[] { NewItems }), 0, DateTimeOffset.UnixEpoch, 0);
        var report = LifecycleAnalysis.Analyze(recording);

        // Their speed is measured by benchmarks/MemScope.Benchmarks (ExportBenchmarks), not by a timed test.
        var paths = SvgCharts.WriteAll(recording, report, "big", _directory);

        _output.WriteLine($"{recording.Events.Count:N0} events, {report.Objects.Count:N0} objects: sizes {string.Join(", ", paths.Select(p => new FileInfo(p).Length.ToString("N0", CultureInfo.InvariantCulture)))} bytes");
        Assert.All(paths, p => Assert.True(new FileInfo(p).Length < 1_000_000, $"{p} is {new FileInfo(p).Length} bytes"));
        Assert.All(paths, p => XDocument.Load(p));
    }
}
