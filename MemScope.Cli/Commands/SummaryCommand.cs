using System.CommandLine;
using System.Linq;
using MemScopeCli.Analysis;
using Spectre.Console;

namespace MemScopeCli.Commands;

/// <summary>memscope summary: the recording in console tables — totals, leaks, violations, top types and sites.</summary>
internal static class SummaryCommand
{
    public static Command Create(CliConsole console)
    {
        var trace = CommonOptions.Trace();
        var baseName = CommonOptions.Base();
        var top = CommonOptions.Top();
        var command = new Command("summary", "Print a summary of a trace: totals, leaks, violations, top types by bytes and top allocation sites")
        {
            trace, baseName, top,
        };
        command.SetAction(parse =>
        {
            var analysis = TraceAnalysis.Load(console, parse.GetRequiredValue(trace), parse.GetValue(baseName));
            Render(console.Ansi, analysis, parse.GetValue(top));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static void Render(IAnsiConsole output, TraceAnalysis analysis, int top)
    {
        // The path goes on its own line: a table title wider than its table is cut off.
        var paths = SourcePaths.Of(analysis.Recording);
        Tables.Line(output, $"{analysis.Name} ({analysis.Path})");
        if (paths.Root.Length > 0)
            Tables.Line(output, $"source files under {paths.Root}");
        output.Write(Totals(analysis));
        output.Write(Leaks(analysis, paths));
        output.Write(Violations(analysis, paths));
        if (analysis.Patterns is { Diagnosis.Count: > 0 } patterns)
        {
            var diagnosis = Tables.Create("Diagnosis", ">#", "severity", "finding");
            foreach (var finding in patterns.Diagnosis)
                Tables.Row(diagnosis, finding.Rank.ToString(), finding.Severity.ToString(), finding.Message);
            output.Write(diagnosis);
        }
        var types = AllocationTotals.ByType(analysis.Lifecycle.Objects);
        output.Write(AllocationTable($"Top types by bytes (of {types.Count})", "type", types, top, paths, bySite: false));
        var sites = AllocationTotals.BySite(analysis.Lifecycle.Objects);
        output.Write(AllocationTable($"Top allocation sites by bytes (of {sites.Count})", "site", sites, top, paths, bySite: true));
    }

    private static Table Totals(TraceAnalysis analysis)
    {
        var t = analysis.Totals;
        var table = Tables.Create("Totals", "what", ">value");
        Tables.Row(table, "events recorded", Text.Count(t.Events));
        Tables.Row(table, "events dropped", Text.Count(t.DroppedEvents));
        Tables.Row(table, "internal faults", Text.Count(t.InternalFaults));
        Tables.Row(table, "threads", Text.Count(t.Threads));
        Tables.Row(table, "recorded span", Text.Milliseconds(t.DurationMs));
        Tables.Row(table, "tracked objects", Text.Count(t.Objects));
        Tables.Row(table, "tracked bytes", Text.Bytes(t.Bytes));
        Tables.Row(table, "live objects (not collected)", Text.Count(t.LiveObjects));
        Tables.Row(table, "live bytes", Text.Bytes(t.LiveBytes));
        Tables.Row(table, "native blocks (live)", $"{Text.Count(t.NativeBlocks)} ({Text.Count(t.LiveNativeBlocks)})");
        Tables.Row(table, "native bytes", Text.Bytes(t.NativeBytes));
        Tables.Row(table, "leaks", $"{Text.Count(t.Leaks)} ({Text.Bytes(t.LeakedBytes)} bytes)");
        Tables.Row(table, "violations", Text.Count(t.Violations));
        return table;
    }

    private static Table Leaks(TraceAnalysis analysis, SourcePaths paths)
    {
        var table = Tables.Create($"Leaks ({analysis.Lifecycle.Leaks.Count})", "!kind", "type", "variable", ">bytes", "!created at", "reason");
        foreach (var leak in analysis.Lifecycle.Leaks.OrderByDescending(l => l.Size))
            Tables.Row(table, leak.Kind, leak.TypeName, Text.Variable(leak.Variable), Text.Bytes(leak.Size), paths.Site(leak.CreatedAt), leak.Reason);
        if (analysis.Lifecycle.Leaks.Count == 0)
            Tables.Row(table, "none", "", "", "", "", "");
        return table;
    }

    private static Table Violations(TraceAnalysis analysis, SourcePaths paths)
    {
        // No message column: it restates the variable and sites, and wrapped into a narrow column it is unreadable;
        // `memscope check` and the HTML page print it whole.
        var table = Tables.Create($"Violations ({analysis.Lifecycle.Violations.Count})", "!kind", "severity", "type", "!variable", "!site", "!related site");
        foreach (var v in analysis.Lifecycle.Violations)
            Tables.Row(table, v.Kind, v.Severity, v.TypeName, Text.Variable(v.Variable), paths.Site(v.Site), paths.Site(v.RelatedSite));
        if (analysis.Lifecycle.Violations.Count == 0)
            Tables.Row(table, "none", "", "", "", "", "");
        return table;
    }

    private static Table AllocationTable(string title, string keyColumn, System.Collections.Generic.IReadOnlyList<AllocationTotal> totals, int top, SourcePaths paths, bool bySite)
    {
        var table = bySite
            ? Tables.Create(title, "!" + keyColumn, "type", ">objects", ">bytes", ">live", ">live bytes")
            : Tables.Create(title, keyColumn, ">objects", ">bytes", ">live", ">live bytes");
        foreach (var total in totals.Take(top))
        {
            var numbers = new[] { Text.Count(total.Objects), Text.Bytes(total.Bytes), Text.Count(total.LiveObjects), Text.Bytes(total.LiveBytes) };
            Tables.Row(table, bySite ? new[] { paths.Short(total.Site), total.TypeName }.Concat(numbers).ToArray() : new[] { total.TypeName }.Concat(numbers).ToArray());
        }
        return table;
    }
}
