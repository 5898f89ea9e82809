using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using MemScopeTestShared;
using Xunit;

namespace MemScopeRuntimeTests;

/// <summary>Runs the real, woven BasicUsage sample in its own process and reads what it wrote.</summary>
public class BasicUsageEndToEndTests : IClassFixture<BasicUsageEndToEndTests.SampleRun>
{
    private readonly SampleRun _run;

    public BasicUsageEndToEndTests(SampleRun run) => _run = run;

    [Theory]
    [InlineData("myVec", "System.Collections.Generic.List<int>", 14)]
    [InlineData("myString", "string", 15)]
    [InlineData("myBox", "System.Runtime.CompilerServices.StrongBox<int>", 16)]
    [InlineData("inventory", "Inventory", 18)]
    [InlineData("Inventory._items", "System.Collections.Generic.List<string>", 42)]
    public void The_report_names_each_variable_with_its_type_and_line(string variable, string typeName, int line)
    {
        var allocation = _run.Allocations().First(a => a["variable"]?.GetValue<string>() == variable);

        Assert.Equal(typeName, allocation["typeName"]!.GetValue<string>());
        Assert.Equal(line, allocation["firstHolderSite"]!["line"]!.GetValue<int>());
        Assert.EndsWith("Program.cs", allocation["firstHolderSite"]!["file"]!.GetValue<string>());
    }

    [Fact]
    public void The_list_allocated_by_the_sample_is_charged_to_its_line()
    {
        var myVec = _run.Allocations().First(a => a["variable"]?.GetValue<string>() == "myVec");

        Assert.Equal(14, myVec["allocationSite"]!["line"]!.GetValue<int>());
        Assert.True(myVec["size"]!.GetValue<long>() >= 32);
    }

    [Fact]
    public void Replacing_the_tracked_field_shows_the_replaced_lists_as_overwritten_and_the_last_one_collected_at_exit()
    {
        var lifetimes = JsonNode.Parse(File.ReadAllText(_run.File("basic_usage_lifetime.json")))!["objects"]!.AsArray();
        var ends = lifetimes
            .SelectMany(o => o!["holders"]!.AsArray())
            .Where(h => h!["name"]!.GetValue<string>() == "Inventory._items")
            .Select(h => h!["end"]!.GetValue<string>())
            .ToList();

        // Main has returned by the export at exit: the inventory and its last list are garbage, and the report says so.
        Assert.Equal(new[] { "overwritten", "overwritten", "collected" }, ends);
    }

    [Fact]
    public void The_summary_counts_events_and_reports_no_drops()
    {
        var summary = JsonNode.Parse(File.ReadAllText(_run.File("basic_usage_memory_analysis.json")))!["summary"]!;

        Assert.True(summary["eventsRecorded"]!.GetValue<int>() > 10);
        Assert.Equal(0, summary["eventsDropped"]!.GetValue<int>());
        Assert.Equal(0, summary["internalFaults"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("basic_usage_memory_analysis.json", "memory_analysis.schema.json")]
    [InlineData("basic_usage_lifetime.json", "lifetime.schema.json")]
    public void Each_report_file_is_valid_against_its_published_schema(string file, string schema)
    {
        var result = Schemas.Load(schema).Evaluate(JsonNode.Parse(File.ReadAllText(_run.File(file))), new EvaluationOptions { OutputFormat = OutputFormat.List });

        var errors = result.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, string.Join(Environment.NewLine, errors.Take(20)));
    }

    [Fact]
    public void The_schema_rejects_a_report_with_a_missing_summary_field_so_the_validation_above_can_fail()
    {
        var report = JsonNode.Parse(File.ReadAllText(_run.File("basic_usage_memory_analysis.json")))!;
        report["summary"]!.AsObject().Remove("eventsDropped");

        Assert.False(Schemas.Load("memory_analysis.schema.json").Evaluate(report).IsValid);
    }

    [Fact]
    public void With_MEMSCOPE_ENABLED_0_the_program_prints_the_same_and_writes_no_files()
    {
        var disabled = SampleProcess.Run(new Dictionary<string, string> { ["MEMSCOPE_ENABLED"] = "0" });

        Assert.Equal(0, disabled.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(disabled.WorkingDirectory, "MemoryAnalysis")));
        Assert.False(Directory.Exists(disabled.OutputDirectory) && Directory.EnumerateFileSystemEntries(disabled.OutputDirectory).Any());
        var programLines = _run.Process.Output.Split('\n').TakeWhile(l => !l.StartsWith("Report:")).ToList();
        Assert.Equal(programLines, disabled.Output.Split('\n').Take(programLines.Count));
    }

    public sealed class SampleRun
    {
        public SampleRun() => Process = SampleProcess.Run(new Dictionary<string, string>());

        public SampleProcess Process { get; }

        public string File(string name) => Path.Combine(Process.OutputDirectory, "basic_usage", name);

        public List<JsonNode> Allocations() =>
            JsonNode.Parse(System.IO.File.ReadAllText(File("basic_usage_memory_analysis.json")))!["allocations"]!.AsArray().Select(n => n!).ToList();
    }
}

public sealed record SampleProcess(int ExitCode, string Output, string WorkingDirectory, string OutputDirectory)
{
    public static SampleProcess Run(Dictionary<string, string> environment, string sample = "BasicUsage", string? configuration = null)
    {
        string work = Directory.CreateTempSubdirectory("memscope-e2e-").FullName;
        string output = Path.Combine(work, "reports");
        var variables = new Dictionary<string, string>(environment) { ["MEMSCOPE_OUTPUT"] = output };
        return new SampleProcess(0, TestEnvironment.RunSample(sample, work, variables, configuration), work, output);
    }
}

internal static class Schemas
{
    private static readonly Dictionary<string, JsonSchema> Loaded = LoadAll();

    public static JsonSchema Load(string name) => Loaded[name];

    /// <summary>lifetime.schema.json refers to definitions in memory_analysis.schema.json: both are registered under their $id.</summary>
    private static Dictionary<string, JsonSchema> LoadAll()
    {
        var schemas = new Dictionary<string, JsonSchema>();
        foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "schemas"), "*.schema.json"))
        {
            var schema = JsonSchema.FromText(File.ReadAllText(path));
            var id = JsonNode.Parse(File.ReadAllText(path))!["$id"]!.GetValue<string>();
            SchemaRegistry.Global.Register(new Uri(id), schema);
            schemas[Path.GetFileName(path)] = schema;
        }
        return schemas;
    }
}
