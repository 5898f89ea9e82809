using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using MemScopeTestShared;
using Xunit;

namespace MemScopeRuntimeTests;

/// <summary>
/// Runs each sample for real and compares what its report found with the problems planted in its source
/// (lines marked <c>// PLANTED: kind variable</c>): every planted problem is found with its kind, variable and line, and nothing else is.
/// </summary>
public class SampleFindingsTests : IClassFixture<SampleFindingsTests.Runs>
{
    private readonly Runs _runs;

    public SampleFindingsTests(Runs runs) => _runs = runs;

    [Theory]
    [InlineData("OwnershipDemo", "ownership_demo")]
    [InlineData("ComplexLifecycleShowcase", "complex_lifecycle")]
    [InlineData("UnsafeFfiDemo", "unsafe_ffi_demo")]
    public void The_report_finds_exactly_the_planted_problems_on_their_lines(string sample, string name)
    {
        var expected = Planted(sample).OrderBy(f => f).ToList();
        var found = _runs.Findings(sample, name).OrderBy(f => f).ToList();

        Assert.Equal(expected, found);
    }

    /// <summary>(kind file:line variable) for each line marked <c>// PLANTED: kind variable</c> in the sample's sources.</summary>
    internal static IEnumerable<string> Planted(string sample) =>
        PlantedIn(Directory.GetFiles(Path.Combine(TestEnvironment.RepositoryRoot, "samples", sample), "*.cs"));

    /// <summary>(kind file:line variable) for each line of <paramref name="files"/> marked <c>// PLANTED: kind variable</c>.</summary>
    internal static IEnumerable<string> PlantedIn(IEnumerable<string> files)
    {
        var marker = new Regex(@"//\s*PLANTED:\s*([a-z-]+)\s+([\w.]+)");
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                var match = marker.Match(lines[i]);
                if (match.Success)
                    yield return $"{match.Groups[1].Value} {Path.GetFileName(file)}:{i + 1} {match.Groups[2].Value}";
            }
        }
    }

    [Fact]
    public void Each_violation_names_both_lines_and_the_variable()
    {
        var violations = _runs.Report("UnsafeFfiDemo", "unsafe_ffi_demo", "security_violations")["violations"]!.AsArray();

        Assert.Equal(3, violations.Count);
        Assert.All(violations, v =>
        {
            Assert.NotNull(v!["variable"]);
            Assert.True(v["site"]!["line"]!.GetValue<int>() > v["relatedSite"]!["line"]!.GetValue<int>());
        });
    }

    [Fact]
    public void The_leaked_native_block_names_its_variable_size_and_line()
    {
        var leak = _runs.Report("UnsafeFfiDemo", "unsafe_ffi_demo", "memory_analysis")["leaks"]!.AsArray().Single()!;

        Assert.Equal("nativeBlock", leak["kind"]!.GetValue<string>());
        Assert.Equal("requestHeader", leak["variable"]!.GetValue<string>());
        Assert.Equal(128, leak["size"]!.GetValue<int>());
        Assert.Equal("Marshal.AllocHGlobal", leak["typeName"]!.GetValue<string>());
    }

    [Fact]
    public void The_handle_refcount_timeline_goes_up_and_down_and_closes()
    {
        var handle = _runs.Report("OwnershipDemo", "ownership_demo", "unsafe_ffi")["safeHandles"]!.AsArray().Single()!;
        var steps = handle["refCountTimeline"]!.AsArray().Select(s => (s!["step"]!.GetValue<string>(), s["addedRefs"]!.GetValue<int>())).ToList();

        Assert.Equal(2, handle["maxRefCount"]!.GetValue<int>());
        Assert.Equal(("open", 0), steps[0]);
        Assert.Equal(("close", 0), steps[^1]);
        Assert.Contains(("addRef", 2), steps);
    }

    [Fact]
    public void An_object_held_by_two_services_at_once_shows_two_holders()
    {
        var policy = _runs.Report("OwnershipDemo", "ownership_demo", "lifetime")["objects"]!.AsArray()
            .Single(o => o!["typeName"]!.GetValue<string>().EndsWith("RetryPolicy"))!;

        Assert.True(policy["maxHolders"]!.GetValue<int>() >= 2);
        var fields = policy["holders"]!.AsArray().Where(h => h!["holderKind"]!.GetValue<string>() == "field").Select(h => h!["name"]!.GetValue<string>()).ToList();
        Assert.True(fields.Distinct().Count() >= 2, string.Join(", ", fields));
    }

    [Fact]
    public void Zlib_and_libc_calls_are_reported_with_their_library_and_entry_point()
    {
        var calls = _runs.Report("UnsafeFfiDemo", "unsafe_ffi_demo", "unsafe_ffi")["pinvokeCalls"]!.AsArray()
            .Select(c => c!["library"]!.GetValue<string>() + "!" + c["entryPoint"]!.GetValue<string>() + " " + c["declaredWith"]!.GetValue<string>())
            .ToHashSet();

        Assert.Contains("libz.so.1!compress2 DllImport", calls);
        Assert.Contains("libz.so.1!crc32 LibraryImport", calls);
        Assert.Contains("libc!strlen DllImport", calls);
    }

    [Fact]
    public void Nested_generics_are_reported_with_their_depth_and_element_type()
    {
        var index = _runs.Report("ComplexLifecycleShowcase", "complex_lifecycle", "complex_types")["types"]!.AsArray()
            .Single(t => t!["typeName"]!.GetValue<string>().StartsWith("System.Collections.Generic.Dictionary<string, System.Collections.Generic.List<"))!;

        Assert.Equal(3, index["genericDepth"]!.GetValue<int>());
        Assert.True(index["isCollection"]!.GetValue<bool>());
        Assert.StartsWith("System.Collections.Generic.KeyValuePair<string, ", index["elementType"]!.GetValue<string>());
    }

    [Fact]
    public void The_performance_report_has_GC_samples_and_the_trackers_own_cost()
    {
        var performance = _runs.Report("ComplexLifecycleShowcase", "complex_lifecycle", "performance");

        Assert.True(performance["gc"]!["samples"]!.GetValue<int>() >= 1);
        Assert.True(performance["gcSamples"]!.AsArray()[^1]!["allocatedNowBytes"]!.GetValue<long>() > 0);
        var tracker = performance["tracker"]!;
        Assert.Equal(tracker["eventsRecorded"]!.GetValue<long>() * 32, tracker["eventBytes"]!.GetValue<long>());
        Assert.True(tracker["bufferBytes"]!.GetValue<long>() >= tracker["eventBytes"]!.GetValue<long>());
        Assert.Equal(0, tracker["eventsDropped"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("OwnershipDemo")]
    [InlineData("ComplexLifecycleShowcase")]
    [InlineData("UnsafeFfiDemo")]
    public void The_program_prints_the_same_with_tracking_on_and_off(string sample)
    {
        var off = SampleProcess.Run(new Dictionary<string, string> { ["MEMSCOPE_ENABLED"] = "0" }, sample);

        Assert.Equal(ProgramOutput(_runs.Process(sample).Output), ProgramOutput(off.Output));
        Assert.False(Directory.Exists(off.OutputDirectory));
    }

    [Fact]
    public void With_MEMSCOPE_ON_VIOLATION_throw_the_violations_throw_at_the_offending_calls()
    {
        var strict = SampleProcess.Run(new Dictionary<string, string> { ["MEMSCOPE_ON_VIOLATION"] = "throw" }, "UnsafeFfiDemo");

        var stopped = strict.Output.Split('\n').Where(l => l.Contains("stopped by MemScope")).ToList();
        Assert.Equal(new[] { "double free", "use after free", "use after dispose" }, stopped.Select(l => l[..l.IndexOf(':')]));
    }

    [Theory]
    [InlineData("memory_analysis")]
    [InlineData("lifetime")]
    [InlineData("unsafe_ffi")]
    [InlineData("security_violations")]
    [InlineData("complex_types")]
    [InlineData("performance")]
    [InlineData("patterns")]
    public void Every_file_of_every_sample_is_valid_against_its_schema(string file)
    {
        foreach (var (sample, name) in Runs.Samples)
        {
            var result = Schemas.Load(file + ".schema.json").Evaluate(_runs.Report(sample, name, file), new EvaluationOptions { OutputFormat = OutputFormat.List });
            var errors = result.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
            Assert.True(result.IsValid, $"{sample} {file}: " + string.Join(Environment.NewLine, errors.Take(10)));
        }
    }

    /// <summary>What the program itself prints: the samples end with "Report: …", or a line saying MemScope is disabled.</summary>
    [Theory]
    [InlineData("timeline")]
    [InlineData("lifetimes")]
    [InlineData("types")]
    public void Every_sample_writes_the_chart_as_valid_SVG(string chart)
    {
        foreach (var (sample, name) in Runs.Samples)
        {
            var svg = System.Xml.Linq.XDocument.Load(Path.Combine(_runs.Process(sample).OutputDirectory, name, $"{name}_{chart}.svg"));
            Assert.Equal("{http://www.w3.org/2000/svg}svg", svg.Root!.Name.ToString());
            Assert.Contains(name, svg.Root.Element("{http://www.w3.org/2000/svg}title")!.Value);
        }
    }

    private static string ProgramOutput(string output) =>
        string.Join('\n', output.Split('\n').TakeWhile(l => !l.StartsWith("Report:", StringComparison.Ordinal) && !l.StartsWith("MemScope is disabled", StringComparison.Ordinal)));

    public sealed class Runs
    {
        public static readonly (string Sample, string Name)[] Samples =
        {
            ("OwnershipDemo", "ownership_demo"), ("ComplexLifecycleShowcase", "complex_lifecycle"), ("UnsafeFfiDemo", "unsafe_ffi_demo"),
        };

        private readonly Dictionary<string, SampleProcess> _processes;

        public Runs()
            : this(configuration: null)
        {
        }

        /// <summary>Runs every sample as built in <paramref name="configuration"/> (null: the tests' own).</summary>
        internal Runs(string? configuration) =>
            _processes = Samples.ToDictionary(s => s.Sample, s => SampleProcess.Run(new Dictionary<string, string>(), s.Sample, configuration));

        public SampleProcess Process(string sample) => _processes[sample];

        public JsonNode Report(string sample, string name, string file) =>
            JsonNode.Parse(File.ReadAllText(Path.Combine(_processes[sample].OutputDirectory, name, $"{name}_{file}.json")))!;

        public IEnumerable<string> Findings(string sample, string name) =>
            FindingsOf(Path.Combine(_processes[sample].OutputDirectory, name), name);

        /// <summary>Leaks and violations of the report in <paramref name="folder"/> as "kind file:line variable", in the planted markers' vocabulary.</summary>
        internal static IEnumerable<string> FindingsOf(string folder, string name)
        {
            JsonNode Read(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, $"{name}_{file}.json")))!;
            foreach (var leak in Read("memory_analysis")["leaks"]!.AsArray())
                yield return "leak " + Location(leak!["createdAt"]) + " " + Variable(leak);
            foreach (var violation in Read("security_violations")["violations"]!.AsArray())
                yield return violation!["kind"]!.GetValue<string>() switch
                {
                    "doubleFree" => "double-free",
                    "freedPointerPassedToNative" => "use-after-free",
                    "useAfterDispose" => "use-after-dispose",
                    var other => other,
                } + " " + Location(violation["site"]) + " " + Variable(violation);
        }

        private static string Variable(JsonNode finding) => finding["variable"]?.GetValue<string>() ?? "(none)";

        private static string Location(JsonNode? site) =>
            site?["file"] is { } file ? $"{Path.GetFileName(file.GetValue<string>())}:{site["line"]!.GetValue<int>()}" : "(no location)";
    }
}

/// <summary>
/// The samples built in the other configuration (Release when the tests are Debug): an optimising build removes locals
/// used once, and the findings must still name the same variables on the same lines.
/// </summary>
public class SampleFindingsInOtherConfigurationTests : IClassFixture<SampleFindingsInOtherConfigurationTests.OtherRuns>
{
    private readonly OtherRuns _runs;

    public SampleFindingsInOtherConfigurationTests(OtherRuns runs) => _runs = runs;

    [Theory]
    [InlineData("OwnershipDemo", "ownership_demo")]
    [InlineData("ComplexLifecycleShowcase", "complex_lifecycle")]
    [InlineData("UnsafeFfiDemo", "unsafe_ffi_demo")]
    public void The_report_finds_exactly_the_planted_problems_with_their_variables(string sample, string name)
    {
        var expected = SampleFindingsTests.Planted(sample).OrderBy(f => f).ToList();
        var found = _runs.Runs.Findings(sample, name).OrderBy(f => f).ToList();

        Assert.Equal(expected, found);
    }

    public sealed class OtherRuns
    {
        public OtherRuns()
        {
            foreach (var (sample, _) in SampleFindingsTests.Runs.Samples)
                TestEnvironment.BuildSample(sample, TestEnvironment.OtherConfiguration);
            Runs = new SampleFindingsTests.Runs(TestEnvironment.OtherConfiguration);
        }

        public SampleFindingsTests.Runs Runs { get; }
    }
}
