using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using MemScopeCli.Analysis;
using MemScopeReports.Analysis;

namespace MemScopeCli.Commands;

/// <summary>
/// memscope objects: every tracked object of a trace, one tab-separated line each — the full per-object detail that
/// the dashboard of a long recording leaves out (it shows a bounded set). Plain lines, no table: a million objects
/// go to grep, sort or a spreadsheet, and the first one prints before the last is formatted.
/// </summary>
internal static class ObjectsCommand
{
    public const string Header = "id\ttype\tbytes\tallocated_ms\tcollected_ms\tdisposed_ms\tvariable\tsite\tthread";

    public static Command Create(CliConsole console)
    {
        var trace = CommonOptions.Trace();
        var baseName = CommonOptions.Base();
        var type = new Option<string?>("--type") { Description = "Only objects of this type (full name, or the end of it after a '.')", HelpName = "TYPE" };
        var site = new Option<string?>("--site") { Description = "Only objects allocated at this site (file:line, or a part of it such as Parser.cs:42)", HelpName = "SITE" };
        var command = new Command("objects", "List every tracked object of a trace (id, type, size, times, last variable, allocation site, thread), one tab-separated line each")
        {
            trace, baseName, type, site,
        };
        command.SetAction(parse =>
        {
            var analysis = TraceAnalysis.Load(console, parse.GetRequiredValue(trace), parse.GetValue(baseName));
            Write(console.Out, analysis, parse.GetValue(type), parse.GetValue(site));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static void Write(TextWriter output, TraceAnalysis analysis, string? type, string? site)
    {
        var recording = analysis.Recording;
        output.WriteLine(Header);
        foreach (var obj in analysis.Lifecycle.Objects)
        {
            if (type is not null && !TypeMatches(obj.TypeName, type))
                continue;
            if (site is not null && (obj.AllocSite is null || !obj.AllocSite.Location.Contains(site, StringComparison.Ordinal)))
                continue;
            output.Write(obj.Id.ToString(CultureInfo.InvariantCulture));
            output.Write('\t');
            output.Write(Field(obj.TypeName));
            output.Write('\t');
            output.Write(obj.SizeKnown || obj.Size != 0 ? obj.Size.ToString(CultureInfo.InvariantCulture) : "?");
            output.Write('\t');
            output.Write(Ms(recording, obj.AllocatedAt ?? obj.FirstSeenAt));
            output.Write('\t');
            output.Write(obj.CollectedAt is { } collected ? Ms(recording, collected) : obj.IsLive ? "live" : "-");
            output.Write('\t');
            output.Write(obj.DisposedAt is { } disposed ? Ms(recording, disposed) : "-");
            output.Write('\t');
            output.Write(Field(obj.LastVariable ?? "-"));
            output.Write('\t');
            output.Write(Field(obj.AllocSite?.Location ?? "-"));
            output.Write('\t');
            output.WriteLine(obj.AllocThread is { } thread ? thread.ToString(CultureInfo.InvariantCulture) : "-");
        }
    }

    private static bool TypeMatches(string typeName, string wanted) =>
        typeName == wanted || (typeName.EndsWith(wanted, StringComparison.Ordinal) && typeName[^(wanted.Length + 1)] == '.');

    private static string Ms(MemScopeTrace.Model.Recording recording, long timestamp) =>
        recording.ToMilliseconds(timestamp).ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Names come from the trace: escaped for a terminal, and a tab cannot shift the columns.</summary>
    private static string Field(string text) => TerminalText.Escape(text).Replace("\t", "\\t", StringComparison.Ordinal);
}
