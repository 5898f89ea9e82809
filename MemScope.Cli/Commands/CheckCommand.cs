using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using MemScopeCli.Analysis;
using MemScopeRuntime.Analysis;
using MemScopeRuntime.Analysis.Patterns;

namespace MemScopeCli.Commands;

/// <summary>
/// memscope check: the CI gate. Exit 1 with a readable list when a selected kind of problem is in the trace,
/// 0 when none is. Plain lines rather than tables: CI logs are read in narrow panes and grepped.
/// </summary>
internal static class CheckCommand
{
    private static readonly string[] Kinds = ["leaks", "violations", "growth"];

    public static Command Create(CliConsole console)
    {
        var trace = CommonOptions.Trace();
        var baseName = CommonOptions.Base();
        var failOn = CommonOptions.List("--fail-on", "What fails the check", Kinds, "leaks,violations");
        var command = new Command("check", "Exit 1 and list the problems when the trace has leaks, violations or growth (the CI gate); 0 when it has none")
        {
            trace, baseName, failOn,
        };
        command.SetAction(parse =>
        {
            var selected = CommonOptions.Split(parse.GetValue(failOn)!).ToHashSet();
            var analysis = TraceAnalysis.Load(console, parse.GetRequiredValue(trace), parse.GetValue(baseName));
            return Check(console, analysis, selected);
        });
        return command;
    }

    private static int Check(CliConsole console, TraceAnalysis analysis, HashSet<string> selected)
    {
        // Growth comes from the pattern analysis; without it the gate cannot answer, and passing silently would lie.
        if (selected.Contains("growth") && analysis.Patterns is null)
            throw new CliException("--fail-on growth: not available, this runtime has no pattern analysis (growth trends); check leaks,violations only.");

        var problems = new List<string>();
        if (selected.Contains("leaks"))
            problems.AddRange(Section(console, "leak", analysis.Lifecycle.Leaks.Select(l => l.Describe()).ToList()));
        if (selected.Contains("violations"))
            problems.AddRange(Section(console, "violation", analysis.Lifecycle.Violations.Select(Describe).ToList()));
        if (selected.Contains("growth"))
            problems.AddRange(Section(console, "growing type", analysis.Patterns!.GrowthByType.Select(g => Describe(g, analysis.Patterns.GrowthBySite)).ToList()));

        string checkedKinds = string.Join(",", Kinds.Where(selected.Contains));
        var counts = Kinds.Where(selected.Contains).Select(kind => Count(analysis, kind)).ToList();
        if (problems.Count == 0)
        {
            console.Line($"memscope check: OK — {analysis.Name}: {string.Join(", ", counts)} (fail-on: {checkedKinds})");
            return ExitCodes.Ok;
        }
        console.Line($"memscope check: FAILED — {analysis.Name}: {string.Join(", ", counts)} (fail-on: {checkedKinds})");
        return ExitCodes.Found;
    }

    /// <summary>Writes "N things:" and one indented line per problem; returns the problems.</summary>
    private static List<string> Section(CliConsole console, string noun, List<string> lines)
    {
        if (lines.Count == 0)
            return lines;
        console.Line($"{Plural(lines.Count, noun)}:");
        foreach (var line in lines)
            console.Line("  - " + line);
        return lines;
    }

    private static string Count(TraceAnalysis analysis, string kind) => kind switch
    {
        "leaks" => Plural(analysis.Lifecycle.Leaks.Count, "leak"),
        "violations" => Plural(analysis.Lifecycle.Violations.Count, "violation"),
        _ => Plural(analysis.Patterns?.GrowthByType.Count ?? 0, "growing type"),
    };

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string Describe(Violation v)
    {
        string related = v.RelatedSite is null ? "" : $" (related: {Text.Site(v.RelatedSite)})";
        return $"[{v.Severity}] {v.Kind}: {v.Message} — '{Text.Variable(v.Variable)}' ({v.TypeName}) at {Text.Site(v.Site)}{related}";
    }

    /// <summary>A growing type with its numbers and, as their source, the allocation sites that grew with it.</summary>
    private static string Describe(GrowthTrend g, IReadOnlyList<GrowthTrend> bySite)
    {
        var sites = bySite.Where(s => s.TypeName == g.TypeName && s.Site is not null).Select(s => Text.Site(s.Site)).ToList();
        string where = sites.Count == 0 ? "" : $" at {string.Join(", ", sites)}";
        string rate = g.BytesPerSecond.ToString("N0", CultureInfo.InvariantCulture);
        string fit = g.Fit.ToString("0.00", CultureInfo.InvariantCulture);
        return $"{g.TypeName}: +{rate} bytes/s over {Text.Milliseconds(g.ToMs - g.FromMs)} (live {Text.Bytes(g.FirstLiveBytes)} → {Text.Bytes(g.LastLiveBytes)} bytes, " +
               $"peak {Text.Bytes(g.PeakLiveBytes)}, {Text.Count(g.Objects)} objects, fit R² {fit}){where}";
    }
}
