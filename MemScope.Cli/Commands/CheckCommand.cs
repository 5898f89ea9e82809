using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using MemScopeCli.Analysis;
using MemScopeReports.Analysis;
using MemScopeReports.Analysis.Patterns;
using MemScopeCli.Output;

namespace MemScopeCli.Commands;

/// <summary>
/// memscope check: the CI gate. Exit 1 when a selected kind of problem is in the trace, 0 when none is, 2 when the
/// trace cannot be read. The default output is plain lines rather than tables (CI logs are read in narrow panes and
/// grepped); --format sarif, json and junit write the same findings for code scanning, scripts and test reports.
/// </summary>
internal static class CheckCommand
{
    private static readonly string[] Kinds = ["leaks", "violations", "growth"];
    private static readonly string[] Formats = ["text", "sarif", "json", "junit"];

    public static Command Create(CliConsole console)
    {
        var trace = CommonOptions.Trace();
        var baseName = CommonOptions.Base();
        var failOn = CommonOptions.List("--fail-on", "What fails the check", Kinds, "leaks,violations");
        var format = new Option<string>("--format")
        {
            Description = "Output: text (default), sarif (SARIF 2.1.0 for code scanning), json, junit (JUnit XML)",
            DefaultValueFactory = _ => "text",
            HelpName = string.Join("|", Formats),
        };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--output", "-o") { Description = "Write the output to FILE instead of stdout", HelpName = "FILE" };
        var sourceRoot = new Option<string?>("--source-root")
        {
            Description = "Folder that file paths in sarif, json and junit output are relative to (default: the current directory); files outside it keep their recorded path",
            HelpName = "DIR",
        };
        var command = new Command("check", "Exit 1 and list the problems when the trace has leaks, violations or growth (the CI gate); 0 when it has none")
        {
            trace, baseName, failOn, format, output, sourceRoot,
        };
        command.SetAction(parse =>
        {
            var selected = CommonOptions.Split(parse.GetValue(failOn)!).Select(Category).ToList();
            var analysis = TraceAnalysis.Load(console, parse.GetRequiredValue(trace), parse.GetValue(baseName));
            // Growth comes from the pattern analysis; without it the gate cannot answer, and passing silently would lie.
            if (selected.Contains(FindingCategory.Growth) && analysis.Patterns is null)
                throw new CliException("--fail-on growth: not available, this runtime has no pattern analysis (growth trends); check leaks,violations only.");

            var result = new CheckResult(analysis, Kinds.Select(Category).Where(selected.Contains).ToList(), new SourceRoot(parse.GetValue(sourceRoot) ?? Environment.CurrentDirectory));
            Write(console, parse.GetValue(format)!, parse.GetValue(output), result);
            return result.Passed ? ExitCodes.Ok : ExitCodes.Found;
        });
        return command;
    }

    private static FindingCategory Category(string option) => option switch
    {
        "leaks" => FindingCategory.Leak,
        "violations" => FindingCategory.Violation,
        _ => FindingCategory.Growth,
    };

    private static void Write(CliConsole console, string format, string? file, CheckResult result)
    {
        if (format == "text")
        {
            if (file is null)
            {
                Text(console.Line, result);
                return;
            }
            using var writer = new StreamWriter(file);
            Text(line => writer.WriteLine(TerminalText.Escape(line)), result);
            return;
        }

        Action<Stream, CheckResult> write = format switch
        {
            "sarif" => SarifOutput.Write,
            "json" => CheckJsonOutput.Write,
            _ => JUnitOutput.Write,
        };
        if (file is not null)
        {
            using var stream = File.Create(file);
            write(stream, result);
            return;
        }
        var buffer = new MemoryStream();
        write(buffer, result);
        console.Out.Write(new System.Text.UTF8Encoding(false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        console.Out.WriteLine();
    }

    /// <summary>"N things:" and one indented line per finding, per category; then the verdict line.</summary>
    private static void Text(Action<string> line, CheckResult result)
    {
        foreach (var category in result.FailOn)
        {
            var findings = result.Of(category).ToList();
            if (findings.Count == 0)
                continue;
            line($"{Plural(findings.Count, Noun(category))}:");
            foreach (var finding in findings)
                line("  - " + finding.Line);
        }
        string counts = string.Join(", ", result.FailOn.Select(c => Plural(result.Of(c).Count(), Noun(c))));
        string checkedKinds = string.Join(",", result.FailOn.Select(CheckResult.OptionName));
        line($"memscope check: {(result.Passed ? "OK" : "FAILED")} — {result.Analysis.Name}: {counts} (fail-on: {checkedKinds})");
    }

    private static string Noun(FindingCategory category) => category switch
    {
        FindingCategory.Leak => "leak",
        FindingCategory.Violation => "violation",
        _ => "growing type",
    };

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
