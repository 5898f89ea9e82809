using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using MemScopeCli.Analysis;
using MemScopeRuntime.Analysis;
using Spectre.Console;

namespace MemScopeCli.Commands;

/// <summary>
/// memscope diff: what run b does that run a did not — new and removed leaks, and growth by type and by
/// allocation site. Informational (exit 0); `memscope check` on b is the gate.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(CliConsole console)
    {
        var before = CommonOptions.Trace("a", "The earlier run: a .mscope trace, or a report folder holding one");
        var after = CommonOptions.Trace("b", "The later run: a .mscope trace, or a report folder holding one");
        var top = CommonOptions.Top();
        top.Description = "Rows in the growth tables";
        var command = new Command("diff", "Compare two runs: new leaks, removed leaks, growth by type and by allocation site (a → b)")
        {
            before, after, top,
        };
        command.SetAction(parse =>
        {
            var a = TraceAnalysis.Load(console, parse.GetRequiredValue(before));
            var b = TraceAnalysis.Load(console, parse.GetRequiredValue(after));
            Render(console.Ansi, a, b, RunComparison.Of(a.Lifecycle, b.Lifecycle), parse.GetValue(top));
            return ExitCodes.Ok;
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

        output.Write(LeakTable($"New leaks in b ({diff.NewLeaks.Count})", diff.NewLeaks, paths));
        output.Write(LeakTable($"Leaks gone in b ({diff.RemovedLeaks.Count})", diff.RemovedLeaks, paths));
        output.Write(GrowthTable($"Change by type ({diff.ByType.Count} changed)", diff.ByType, top, paths, bySite: false));
        output.Write(GrowthTable($"Change by allocation site ({diff.BySite.Count} changed)", diff.BySite, top, paths, bySite: true));
    }

    private static void Row(Table table, string what, long a, long b) =>
        Tables.Row(table, what, Text.Count(a), Text.Count(b), Text.Signed(b - a));

    private static Table LeakTable(string title, IReadOnlyList<Leak> leaks, SourcePaths paths)
    {
        var table = Tables.Create(title, "kind", "type", "variable", ">bytes", "!created at");
        foreach (var leak in leaks)
            Tables.Row(table, leak.Kind, leak.TypeName, Text.Variable(leak.Variable), Text.Bytes(leak.Size), paths.Site(leak.CreatedAt));
        if (leaks.Count == 0)
            Tables.Row(table, "none", "", "", "", "");
        return table;
    }

    private static Table GrowthTable(string title, IReadOnlyList<AllocationChange> changes, int top, SourcePaths paths, bool bySite)
    {
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
        if (changes.Count == 0)
            Tables.Row(table, Enumerable.Repeat("", table.Columns.Count).Select((_, i) => i == 0 ? "no change" : "").ToArray());
        return table;
    }
}
