using System.CommandLine;
using System.IO;
using MemScopeCli.Analysis;
using MemScopeCli.Html;

namespace MemScopeCli.Commands;

/// <summary>memscope html: the seed's `make html DIR= BASE= OUTPUT=` — one offline HTML page from the trace in a report folder.</summary>
internal static class HtmlCommand
{
    public static Command Create(CliConsole console)
    {
        var directory = CommonOptions.Trace("dir", "A report folder (MemoryAnalysis/<name>/) or a .mscope trace");
        var baseName = CommonOptions.Base();
        var output = new Option<string?>("--output", "-o") { Description = "The HTML file to write (default: <dir>/<NAME>_report.html)", HelpName = "FILE" };
        var command = new Command("html", "Write a self-contained HTML page (overview, leaks, violations, top types and sites) for the trace in a report folder")
        {
            directory, baseName, output,
        };
        command.SetAction(parse =>
        {
            var analysis = TraceAnalysis.Load(console, parse.GetRequiredValue(directory), parse.GetValue(baseName));
            string path = parse.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(analysis.Path))!, HtmlReportPage.FileName(analysis.Name));
            HtmlReportPage.Write(analysis, path);
            console.Out.WriteLine($"Wrote {path}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
