using System.CommandLine;
using System.IO;
using MemScopeCli.Analysis;
using MemScopeReports.Export.Dashboard;
using MemScopeTrace.Model;

namespace MemScopeCli.Commands;

/// <summary>
/// memscope html: memscope-rs's `make html DIR= BASE= OUTPUT=` — the interactive dashboard from the trace in a report folder.
/// It calls the exporter's own generator, so the page is byte for byte the dashboard.html the run wrote.
/// </summary>
internal static class HtmlCommand
{
    public static Command Create(CliConsole console)
    {
        var directory = CommonOptions.Trace("dir", "A report folder (MemoryAnalysis/<name>/) or a .mscope trace");
        var baseName = CommonOptions.Base();
        var output = new Option<string?>("--output", "-o") { Description = "The HTML file to write (default: <dir>/dashboard.html, the file MemScope.Export writes)", HelpName = "FILE" };
        var command = new Command("html", "Write the self-contained interactive dashboard (timeline, lifetimes, tables, object drill-down) for the trace in a report folder")
        {
            directory, baseName, output,
        };
        command.SetAction(parse =>
        {
            var analysis = TraceAnalysis.Load(console, parse.GetRequiredValue(directory), parse.GetValue(baseName));
            string path = parse.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(analysis.Path))!, DashboardFile.FileName);
            DashboardFile.Write(analysis.Recording, analysis.Lifecycle, analysis.Patterns, analysis.Name, path);
            console.Line($"Wrote {path}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
