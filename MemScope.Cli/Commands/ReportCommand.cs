using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using MemScopeCli.Analysis;
using MemScopeReports.Export;
using MemScopeTrace.Model;

namespace MemScopeCli.Commands;

/// <summary>
/// memscope report: the report set MemScope.Export writes, regenerated from a trace — e.g. on a CI machine from a
/// trace recorded elsewhere, or after a runtime upgrade changed the reports.
/// </summary>
/// <remarks>
/// --format picks file kinds: json keeps the JSON set and the .mscope copy of the trace (the trace is the data the
/// JSON is derived from, so it travels with it; a folder written with json can be fed back to every verb);
/// svg keeps the charts the runtime writes; html keeps dashboard.html. Default: all three.
/// </remarks>
internal static class ReportCommand
{
    private static readonly string[] Formats = ["json", "svg", "html"];

    public static Command Create(CliConsole console)
    {
        var trace = CommonOptions.Trace("trace", "The .mscope trace (or a report folder holding one)");
        var baseName = CommonOptions.Base();
        var output = new Option<string?>("--output", "-o") { Description = "The folder to write into (default: a folder named after the trace, next to it)", HelpName = "DIR" };
        var format = CommonOptions.List("--format", "File kinds to write; json includes the .mscope copy", Formats, "json,svg,html");
        var command = new Command("report", "Write the report set (JSON, SVG, HTML) of a trace")
        {
            trace, baseName, output, format,
        };
        command.SetAction(parse =>
        {
            var kinds = CommonOptions.Split(parse.GetValue(format)!).ToHashSet();
            var analysis = TraceAnalysis.Load(console, parse.GetRequiredValue(trace), parse.GetValue(baseName));
            string directory = parse.GetValue(output) ?? DefaultDirectory(analysis);
            var written = Progress.Run(console, "Writing reports…", () => Write(analysis, directory, kinds));

            console.Line($"Wrote {written.Count} file(s) to {directory}");
            foreach (var file in written)
                console.Line("  " + Path.GetFileName(file));
            if (kinds.Contains("svg") && !written.Any(f => Kind(f) == "svg"))
                console.Line("  (svg: this runtime writes no charts for this recording)");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string DefaultDirectory(TraceAnalysis analysis) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(analysis.Path))!, analysis.Name);

    /// <summary>
    /// Reports.Write produces every kind; it writes into a staging folder inside the target, and only the kinds
    /// asked for are moved out. Deleting unwanted files in the target instead could delete the user's own input
    /// trace when the target is the folder it lies in.
    /// </summary>
    private static List<string> Write(TraceAnalysis analysis, string directory, HashSet<string> kinds)
    {
        Directory.CreateDirectory(directory);
        string staging = Path.Combine(directory, $".memscope-staging-{Guid.NewGuid():N}");
        var kept = new List<string>();
        try
        {
            // Every kind, whatever MEMSCOPE_EXPORT says in this shell: --format decides what is kept.
            foreach (var file in Reports.Write(analysis.Recording, analysis.Name, staging, new ReportOptions { Formats = ReportFormats.All }))
            {
                if (!kinds.Contains(Kind(file)))
                    continue;
                string target = Path.Combine(directory, Path.GetFileName(file));
                File.Move(file, target, overwrite: true);
                kept.Add(target);
            }
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
        return kept;
    }

    /// <summary>The --format kind a written file belongs to; the trace counts as json (see the remarks above).</summary>
    private static string Kind(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".svg" => "svg",
        ".html" or ".htm" => "html",
        _ => "json",
    };
}
