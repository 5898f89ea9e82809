using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using MemScopeCli.Analysis;
using MemScopeReports.Analysis.Patterns;
using Spectre.Console;
using MemScopeTrace.Model;

namespace MemScopeCli.Commands;

/// <summary>
/// memscope summary: the recording in console tables — totals, leaks, violations, the other findings of the
/// diagnosis, top types and sites. Errors are red and warnings amber; a section with nothing to show is one line
/// (or nothing), never an empty table; the diagnosis leaves out the leaks and violations the tables above show.
/// </summary>
internal static class SummaryCommand
{
    public static Command Create(CliConsole console)
    {
        var trace = CommonOptions.Trace();
        var baseName = CommonOptions.Base();
        var top = CommonOptions.Top();
        var command = new Command("summary", "Print a summary of a trace: totals, leaks, violations, other findings, top types by bytes and top allocation sites")
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

        int leaks = analysis.Lifecycle.Leaks.Count, violations = analysis.Lifecycle.Violations.Count;
        if (leaks == 0 && violations == 0)
            Tables.Line(output, "No leaks and no violations.");
        else
        {
            if (leaks > 0)
                output.Write(Leaks(analysis, paths));
            else
                Tables.Line(output, "No leaks.");
            if (violations > 0)
                output.Write(Violations(analysis, paths));
            else
                Tables.Line(output, "No violations.");
        }
        if (OtherFindings(analysis, paths) is { } findings)
            output.Write(findings);

        var types = AllocationTotals.ByType(analysis.Lifecycle.Objects);
        if (types.Count > 0)
            output.Write(AllocationTable($"Top types by bytes (of {types.Count})", "type", types, top, paths, bySite: false));
        var sites = AllocationTotals.BySite(analysis.Lifecycle.Objects);
        if (sites.Count > 0)
            output.Write(AllocationTable($"Top allocation sites by bytes (of {sites.Count})", "site", sites, top, paths, bySite: true));
    }

    private static Table Totals(TraceAnalysis analysis)
    {
        var t = analysis.Totals;
        int errors = analysis.Lifecycle.Violations.Count(v => v.Severity == FindingSeverity.Error);
        var table = Tables.Create("Totals", "what", ">value");
        Tables.Row(table, "events recorded", Text.Count(t.Events));
        Tables.Row(table, "events dropped", new Cell(Text.Count(t.DroppedEvents), Severity.WarningWhen(t.DroppedEvents)));
        Tables.Row(table, "internal faults", new Cell(Text.Count(t.InternalFaults), Severity.WarningWhen(t.InternalFaults)));
        Tables.Row(table, "threads", Text.Count(t.Threads));
        Tables.Row(table, "recorded span", Text.Milliseconds(t.DurationMs));
        Tables.Row(table, "tracked objects", Text.Count(t.Objects));
        Tables.Row(table, "tracked bytes", Text.Bytes(t.Bytes));
        Tables.Row(table, "live objects (not collected)", Text.Count(t.LiveObjects));
        Tables.Row(table, "live bytes", Text.Bytes(t.LiveBytes));
        Tables.Row(table, "native blocks (live)", $"{Text.Count(t.NativeBlocks)} ({Text.Count(t.LiveNativeBlocks)})");
        Tables.Row(table, "native bytes", Text.Bytes(t.NativeBytes));
        Tables.Row(table, "leaks", new Cell($"{Text.Count(t.Leaks)} ({Text.Bytes(t.LeakedBytes)} bytes)", Severity.ErrorWhen(t.Leaks)));
        Tables.Row(table, "violations", new Cell(Text.Count(t.Violations), errors > 0 ? Severity.Error : Severity.WarningWhen(t.Violations)));
        return table;
    }

    private static Table Leaks(TraceAnalysis analysis, SourcePaths paths)
    {
        var table = Tables.Create($"Leaks ({analysis.Lifecycle.Leaks.Count})", "!kind", "type", "variable", ">bytes", "!created at", "reason");
        foreach (var leak in analysis.Lifecycle.Leaks.OrderByDescending(l => l.Size))
            Tables.Row(table, new Cell(leak.Kind, Severity.Error), leak.TypeName, Text.Variable(leak.Variable), Text.Bytes(leak.Size), paths.Site(leak.CreatedAt), paths.Shorten(leak.Reason));
        return table;
    }

    private static Table Violations(TraceAnalysis analysis, SourcePaths paths)
    {
        // No message column: it restates the variable and sites, and wrapped into a narrow column it is unreadable;
        // `memscope check` and the HTML page print it whole.
        // Only the sites never wrap: with kind and variable unwrappable too, an 80-column terminal had no room left for the severity.
        var table = Tables.Create($"Violations ({analysis.Lifecycle.Violations.Count})", "kind", "severity", "type", "variable", "!site", "!related site");
        foreach (var v in analysis.Lifecycle.Violations)
        {
            var style = Severity.Of(v.Severity.Name());
            Tables.Row(table, new Cell(v.Kind, style), new Cell(v.Severity.Name(), style), v.TypeName, Text.Variable(v.Variable), paths.Site(v.Site), paths.Site(v.RelatedSite));
        }
        return table;
    }

    /// <summary>
    /// The diagnosis less what the Leaks and Violations tables already show (its findings of kind leak.* and
    /// violation.*): churn, large objects, growth, finalizer reliance, GC pressure, pinning, P/Invoke time… Null
    /// when nothing is left, or when the pattern analysis is not available.
    /// </summary>
    private static Table? OtherFindings(TraceAnalysis analysis, SourcePaths paths)
    {
        var others = (analysis.Patterns?.Diagnosis ?? [])
            .Where(f => !f.Kind.StartsWith("leak.", System.StringComparison.Ordinal) && !f.Kind.StartsWith("violation.", System.StringComparison.Ordinal))
            .ToList();
        if (others.Count == 0)
            return null;
        var table = Tables.Create($"Other findings ({others.Count})", "severity", "finding");
        foreach (var finding in others)
        {
            string severity = finding.Severity.ToString().ToLowerInvariant();
            Tables.Row(table, new Cell(severity, Severity.Of(severity)), paths.Shorten(finding.Message));
        }
        return table;
    }

    private static Table AllocationTable(string title, string keyColumn, IReadOnlyList<AllocationTotal> totals, int top, SourcePaths paths, bool bySite)
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
