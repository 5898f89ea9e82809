using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Json.Schema;
using MemScopeTestShared;
using Xunit;

namespace MemScope.Cli.Tests;

/// <summary>`memscope check --format sarif|json|junit`: valid against their schemas, complete, and with the gate's exit codes.</summary>
[Collection(SampleTracesCollection.Name)]
public sealed class CheckFormatTests(SampleTraces samples)
{
    private static readonly Lazy<JsonSchema> Sarif = new(LoadSarifSchema);
    private static readonly Lazy<JsonSchema> CheckJson = new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "check.schema.json"))));

    /// <summary>PLANTED marker words of the samples, and the rule each must be reported under.</summary>
    private static readonly Dictionary<string, string> RuleOfPlanted = new()
    {
        ["leak"] = "leak.",
        ["double-free"] = "violation.doubleFree",
        ["use-after-free"] = "violation.freedPointerPassedToNative",
        ["use-after-dispose"] = "violation.useAfterDispose",
    };

    [Theory]
    [InlineData("unsafe_ffi_demo", "leaks,violations")]
    [InlineData("complex_lifecycle", "leaks,violations,growth")]
    [InlineData("ownership_demo", "leaks,violations,growth")]
    public void Check_sarif_is_valid_against_the_official_SARIF_2_1_0_schema(string sample, string failOn)
    {
        var result = Check(sample, "sarif", "--fail-on", failOn);

        AssertValid(Sarif.Value, result.Output);
    }

    [Theory]
    [InlineData("level", "fatal")]
    [InlineData("startLine", "0")]
    [InlineData("version", "2.0.0")]
    public void The_schema_check_rejects_sarif_with_a_wrong_value(string property, string value)
    {
        var sarif = JsonNode.Parse(Check("unsafe_ffi_demo", "sarif").Output)!;
        var result = sarif["runs"]![0]!["results"]![0]!;
        switch (property)
        {
            case "level": result["level"] = value; break;
            case "startLine": result["locations"]![0]!["physicalLocation"]!["region"]!["startLine"] = int.Parse(value); break;
            default: sarif["version"] = value; break;
        }

        using var document = JsonDocument.Parse(sarif.ToJsonString());
        Assert.False(Sarif.Value.Evaluate(document.RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid);
    }

    [Fact]
    public void Check_sarif_reports_each_planted_finding_of_UnsafeFfiDemo_at_its_file_and_line()
    {
        var planted = Planted("UnsafeFfiDemo").ToList();
        var result = Check("unsafe_ffi_demo", "sarif");

        var results = JsonNode.Parse(result.Output)!["runs"]![0]!["results"]!.AsArray();
        Assert.Equal(4, planted.Count);
        foreach (var (marker, file, line) in planted)
        {
            Assert.Contains(results, r =>
                r!["ruleId"]!.GetValue<string>().StartsWith(RuleOfPlanted[marker], StringComparison.Ordinal)
                && r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>() == file
                && r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uriBaseId"]!.GetValue<string>() == "SRCROOT"
                && r["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>() == line);
        }
        Assert.Equal(planted.Count, results.Count);
    }

    [Fact]
    public void Check_sarif_has_one_rule_per_finding_kind_with_help_and_every_result_refers_to_its_rule()
    {
        var run = JsonNode.Parse(Check("unsafe_ffi_demo", "sarif").Output)!["runs"]![0]!;

        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        var ids = rules.Select(r => r!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(rules, r => Assert.True(r!["help"]!["text"]!.GetValue<string>().Length > 80, r["id"] + " has no real help text"));
        foreach (var kind in new[] { "leak.nativeBlock", "leak.undisposed", "violation.doubleFree", "violation.useAfterDispose", "growth.type" })
            Assert.Contains(kind, ids);
        foreach (var r in run["results"]!.AsArray())
        {
            int index = r!["ruleIndex"]!.GetValue<int>();
            Assert.Equal(ids[index], r["ruleId"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(r["message"]!["text"]!.GetValue<string>()));
        }
    }

    [Fact]
    public void Check_sarif_gives_a_violation_the_site_it_contradicts_as_a_related_location()
    {
        var results = JsonNode.Parse(Check("unsafe_ffi_demo", "sarif").Output)!["runs"]![0]!["results"]!.AsArray();

        var doubleFree = Assert.Single(results, r => r!["ruleId"]!.GetValue<string>() == "violation.doubleFree")!;
        var related = Assert.Single(doubleFree["relatedLocations"]!.AsArray())!;
        Assert.Equal("freed here", related["message"]!["text"]!.GetValue<string>());
        int line = related["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>();
        Assert.True(line < doubleFree["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>());
    }

    [Fact]
    public void Check_sarif_keeps_an_absolute_file_uri_for_files_outside_the_source_root()
    {
        var result = CliRun.InProcess("check", samples.UnsafeFfiFolder, "--format", "sarif", "--source-root", samples.NewFolder());

        AssertValid(Sarif.Value, result.Output);
        var location = JsonNode.Parse(result.Output)!["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!;
        Assert.StartsWith("file:///", location["uri"]!.GetValue<string>());
        Assert.EndsWith("/samples/UnsafeFfiDemo/Program.cs", location["uri"]!.GetValue<string>());
        Assert.Null(location["uriBaseId"]);
    }

    [Theory]
    [InlineData("unsafe_ffi_demo", false)]
    [InlineData("ownership_demo", true)]
    public void Check_json_is_valid_against_its_schema_and_agrees_with_the_exit_code(string sample, bool passes)
    {
        var result = Check(sample, "json", "--fail-on", "leaks,violations,growth");

        AssertValid(CheckJson.Value, result.Output);
        var json = JsonNode.Parse(result.Output)!;
        Assert.Equal(passes, json["passed"]!.GetValue<bool>());
        Assert.Equal(passes ? 0 : 1, result.ExitCode);
        if (!passes)
        {
            var leak = Assert.Single(json["findings"]!.AsArray(), f => f!["category"]!.GetValue<string>() == "leak")!;
            Assert.Equal("requestHeader", leak["variable"]!.GetValue<string>());
            Assert.Equal("samples/UnsafeFfiDemo/Program.cs", leak["location"]!["file"]!.GetValue<string>());
            Assert.Equal(1, json["counts"]!["leaks"]!.GetValue<int>());
            Assert.Equal(3, json["counts"]!["violations"]!.GetValue<int>());
        }
    }

    [Fact]
    public void Check_junit_has_a_failed_test_case_per_finding_with_file_and_line_and_a_passed_one_per_clean_category()
    {
        var failing = XDocument.Parse(Check("unsafe_ffi_demo", "junit").Output);
        var clean = XDocument.Parse(Check("ownership_demo", "junit", "--fail-on", "leaks,violations,growth").Output);

        var cases = failing.Descendants("testcase").ToList();
        Assert.Equal(4, cases.Count);
        Assert.All(cases, c => Assert.NotNull(c.Element("failure")));
        Assert.Equal("4", failing.Root!.Attribute("failures")!.Value);
        foreach (var (_, file, line) in Planted("UnsafeFfiDemo"))
            Assert.Contains(cases, c => c.Attribute("file")?.Value == file && c.Attribute("line")?.Value == line.ToString());
        Assert.Equal(["no leaks", "no violations", "no growing types"], clean.Descendants("testcase").Select(c => c.Attribute("name")!.Value));
        Assert.Empty(clean.Descendants("failure"));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("sarif")]
    [InlineData("json")]
    [InlineData("junit")]
    public void Every_format_keeps_the_gates_exit_codes_1_on_findings_0_without_and_2_on_a_bad_trace(string format)
    {
        string broken = Path.Combine(samples.NewFolder(), "broken.mscope");
        File.WriteAllBytes(broken, File.ReadAllBytes(samples.Trace(samples.OwnershipFolder))[..100]);

        Assert.Equal(1, CliRun.InProcess("check", samples.UnsafeFfiFolder, "--format", format).ExitCode);
        Assert.Equal(0, CliRun.InProcess("check", samples.OwnershipFolder, "--format", format).ExitCode);
        var error = CliRun.InProcess("check", broken, "--format", format);
        Assert.Equal(2, error.ExitCode);
        Assert.Equal("", error.Output);
        Assert.StartsWith("memscope: ", error.Error);
    }

    [Fact]
    public void Check_output_option_writes_the_file_and_nothing_to_stdout()
    {
        string file = Path.Combine(samples.NewFolder(), "memscope.sarif");

        var result = CliRun.InProcess("check", samples.UnsafeFfiFolder, "--format", "sarif", "-o", file, "--source-root", TestEnvironment.RepositoryRoot);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        AssertValid(Sarif.Value, File.ReadAllText(file));
    }

    [Fact]
    public void Check_with_an_unknown_format_is_a_usage_error_with_exit_code_2()
    {
        var result = CliRun.InProcess("check", samples.OwnershipFolder, "--format", "xml");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("xml", result.Error);
    }

    private CliResult Check(string sample, string format, params string[] more)
    {
        string folder = Path.Combine(Path.GetDirectoryName(samples.OwnershipFolder)!, sample);
        return CliRun.InProcess(new[] { "check", folder, "--format", format, "--source-root", TestEnvironment.RepositoryRoot }.Concat(more).ToArray());
    }

    private static void AssertValid(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, string.Join(Environment.NewLine, errors.Take(10)));
    }

    /// <summary>
    /// The official SARIF 2.1.0 schema (schemas/sarif/, as published) is draft-04, which JsonSchema.Net does not
    /// implement. Draft-04 and draft-07 differ only in keywords this schema does not use (checked here) and in the
    /// spelling of the root id, so it is evaluated as draft-07, its id given as the base URI (schemas/sarif/README.md).
    /// </summary>
    private static JsonSchema LoadSarifSchema()
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "sarif-schema-2.1.0.json"));
        var schema = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("http://json-schema.org/draft-04/schema#", schema["$schema"]!.GetValue<string>());
        Assert.DoesNotMatch(@"""exclusive(Minimum|Maximum)""\s*:\s*(true|false)", text);
        Assert.Single(Regex.Matches(text, @"""id""\s*:\s*"""));
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        var id = new Uri(schema["id"]!.GetValue<string>());
        schema.Remove("id");
        // The id is given as the base URI (as an in-document "$id" it makes JsonSchema.Net 8 register the root twice).
        return JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, id);
    }

    /// <summary>(marker, file relative to the repository, line) for each line marked <c>// PLANTED: kind</c> in a sample.</summary>
    private static IEnumerable<(string Marker, string File, int Line)> Planted(string sample)
    {
        var marker = new Regex(@"//\s*PLANTED:\s*([a-z-]+)");
        foreach (var file in Directory.GetFiles(Path.Combine(TestEnvironment.RepositoryRoot, "samples", sample), "*.cs"))
        {
            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                if (marker.Match(lines[i]) is { Success: true } match)
                    yield return (match.Groups[1].Value, $"samples/{sample}/{Path.GetFileName(file)}", i + 1);
            }
        }
    }
}
