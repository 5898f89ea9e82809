using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using MemScopeCli.Analysis;
using MemScopeReports.Analysis;
using Spectre.Console;
using MemScopeTrace.Model;

namespace MemScopeCli.Commands;

/// <summary>
/// memscope diff: what run b does that run a did not — new and gone leaks and violations, matched by what they are
/// (kind, method, variable, type), not by line, and the change by type and by allocation site. Informational (exit
/// 0) unless --fail-on new-leaks or new-violations makes it a CI gate: exit 1 when b has any.
/// </summary>
internal static class DiffCommand
{
    private static readonly string[] FailOn = ["new-leaks", "new-violations"];

    public static Command Create(CliConsole console)
    {
        var before = CommonOptions.Trace("a", "The earlier run: a .mscope trace, or a report folder holding one");
        var after = CommonOptions.Trace("b", "The later run: a .mscope trace, or a report folder holding one");
        var top = CommonOptions.Top();
        top.Description = "Rows in the growth tables";
        var failOn = CommonOptions.List("--fail-on", "Exit 1 when b has any of these that a has not (for CI); default: never", FailOn, defaults: null);
        var command = new Command("diff", "Compare two runs: new and gone leaks and violations (matched by kind, method, variable and type, not by line), change by type and by allocation site (a → b)")
        {
            before, after, top, failOn,
        };
        command.SetAction(parse =>
        {
            var selected = parse.GetValue(failOn) is { } value ? CommonOptions.Split(value).ToHashSet() : [];
            var a = TraceAnalysis.Load(console, parse.GetRequiredValue(before));
            var b = TraceAnalysis.Load(console, parse.GetRequiredValue(after));
            var diff = RunComparison.Of(a.Lifecycle, b.Lifecycle);
            Render(console.Ansi, a, b, diff, parse.GetValue(top));

            var failed = new List<string>();
            if (selected.Contains("new-leaks") && diff.NewLeaks.Count > 0)
                failed.Add(Plural(diff.NewLeaks.Count, "new leak"));
            if (selected.Contains("new-violations") && diff.NewViolations.Count > 0)
                failed.Add(Plural(diff.NewViolations.Count, "new violation"));
            if (selected.Count > 0)
                Tables.Line(console.Ansi, failed.Count > 0
                    ? $"memscope diff: FAILED — {string.Join(", ", failed)} in {b.Name} (fail-on: {string.Join(",", FailOn.Where(selected.Contains))})"
                    : $"memscope diff: OK — nothing new in {b.Name} (fail-on: {string.Join(",", FailOn.Where(selected.Contains))})",
                    failed.Count > 0 ? Severity.Error : (Style?)null);
            return failed.Count > 0 ? ExitCodes.Found : ExitCodes.Ok;
        });
        return command;
    }

    private static void Render(IAnsiConsole output, TraceAnalysis a, TraceAnalysis b, RunComparison diff, int top)
    {
        // Paths go on their own lines: a table title wider than its table is cut off.
        Tables.Line(output, $"a: {a.Name} ({a.Path})");
        Tables.Line(output, $"b: {b.Name} ({b.Path})");
        var paths = SourcePaths.Of(a.Recording, b.Recording);
        if (paths.Root.Length > 0)
            Tables.Line(output, $"source files under {paths.Root}");
        var totals = Tables.Create("Totals (a → b)", "what", ">a", ">b", ">change");
        Row(totals, "tracked objects", a.Totals.Objects, b.Totals.Objects);
        Row(totals, "tracked bytes", a.Totals.Bytes, b.Totals.Bytes);
        Row(totals, "live bytes", a.Totals.LiveBytes, b.Totals.LiveBytes);
        Row(totals, "native bytes", a.Totals.NativeBytes, b.Totals.NativeBytes);
        Row(totals, "leaks", a.Totals.Leaks, b.Totals.Leaks);
        Row(totals, "leaked bytes", a.Totals.LeakedBytes, b.Totals.LeakedBytes);
        Row(totals, "violations", a.Totals.Violations, b.Totals.Violations);
        output.Write(totals);

        Findings(output, $"New leaks in b ({diff.NewLeaks.Count})", diff.NewLeaks, paths, isNew: true);
        Findings(output, $"Leaks gone in b ({diff.RemovedLeaks.Count})", diff.RemovedLeaks, paths, isNew: false);
        Findings(output, $"New violations in b ({diff.NewViolations.Count})", diff.NewViolations, paths, isNew: true);
        Findings(output, $"Violations gone in b ({diff.RemovedViolations.Count})", diff.RemovedViolations, paths, isNew: false);
        Growth(output, $"Change by type ({diff.ByType.Count} changed)", diff.ByType, top, paths, bySite: false);
        Growth(output, $"Change by allocation site ({diff.BySite.Count} changed)", diff.BySite, top, paths, bySite: true);
    }

    private static void Row(Table table, string what, long a, long b) =>
        Tables.Row(table, what, Text.Count(a), Text.Count(b), Text.Signed(b - a));

    /// <summary>A table of findings; with none, only its title as a line (no empty table).</summary>
    private static void Findings(IAnsiConsole output, string title, IReadOnlyList<Finding> findings, SourcePaths paths, bool isNew)
    {
        if (findings.Count == 0)
        {
            Tables.Line(output, title);
            return;
        }
        var table = Tables.Create(title, "kind", "type", "variable", "method", ">bytes", "!at (in the run it is in)");
        foreach (var f in findings)
        {
            var kind = isNew ? new Cell(f.Kind, f.Level == "error" ? Severity.Error : Severity.Warning) : new Cell(f.Kind);
            Tables.Row(table, kind, f.TypeName, Text.Variable(f.Variable), f.Method ?? Text.Unknown, f.Bytes is { } bytes ? Text.Bytes(bytes) : "", paths.Site(f.Site));
        }
        output.Write(table);
    }

    private static void Growth(IAnsiConsole output, string title, IReadOnlyList<AllocationChange> changes, int top, SourcePaths paths, bool bySite)
    {
        if (changes.Count == 0)
        {
            Tables.Line(output, title);
            return;
        }
        string[] numbers = [">objects a → b", ">objects ±", ">bytes a → b", ">bytes ±"];
        var table = bySite ? Tables.Create(title, new[] { "!site", "type" }.Concat(numbers).ToArray()) : Tables.Create(title, new[] { "type" }.Concat(numbers).ToArray());
        foreach (var c in changes.Take(top))
        {
            string[] values =
            [
                $"{Text.Count(c.ObjectsBefore)} → {Text.Count(c.ObjectsAfter)}", Text.Signed(c.ObjectsDelta),
                $"{Text.Bytes(c.BytesBefore)} → {Text.Bytes(c.BytesAfter)}", Text.Signed(c.BytesDelta),
            ];
            Tables.Row(table, (bySite ? new[] { paths.Short(c.Site), c.TypeName } : new[] { c.TypeName }).Concat(values).ToArray());
        }
        output.Write(table);
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
