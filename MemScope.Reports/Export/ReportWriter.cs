using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using MemScopeReports.Analysis;
using MemScopeReports.Analysis.Patterns;
using MemScopeReports.Export.Json;
using MemScopeTrace.Format;
using MemScopeTrace.Model;

namespace MemScopeReports.Export;

/// <summary>Writes the report file set for one recording into one folder; the analysis runs once for all files.</summary>
/// <remarks>
/// Once the lifecycle analysis is done the files are independent: the dashboard, the largest, is written on another
/// core while this thread finds the patterns and writes the JSON set and the charts. The dashboard asks for the
/// patterns only when it reaches its diagnosis, so it starts before they are found. Files still take their place in
/// the folder in the order they are listed.
/// </remarks>
internal static class ReportWriter
{
    /// <summary>Each file is added to <paramref name="written"/> as soon as it is complete, so a failed export still says which are.</summary>
    public static List<string> WriteAll(Recording recording, string name, string directory, ReportOptions options, Stopwatch exportTime, List<string>? written = null)
    {
        Directory.CreateDirectory(directory);
        bool Wanted(ReportFormats format) => (options.Formats & format) != 0;
        string File(string suffix) => Path.Combine(directory, name + suffix);
        var files = written ?? new List<string>();
        // The whole recording first, before any analysis: a process that is killed while its report is written (a test
        // host is given about 100 ms to end) still leaves a trace that `memscope report` turns into the rest.
        if (Wanted(ReportFormats.Trace))
            files.Add(TraceFile.Write(recording, File(".mscope")));
        if ((options.Formats & ~ReportFormats.Trace) == 0)
            return files; // the trace alone needs no analysis
        var report = LifecycleAnalysis.Analyze(recording);
        bool detailed = options.IsDetailed(report.Objects.Count);

        var patternsFound = new TaskCompletionSource<PatternReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        // The page is complete on the other core, but takes its place in the folder only in its turn: a fault before
        // then discards it, so the files an export lists are always the ones its folder holds.
        var pageTurn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<string>? page = null;
        if (Wanted(ReportFormats.Html))
        {
            page = Task.Run(() => Dashboard.DashboardFile.Write(recording, report, () => patternsFound.Task.GetAwaiter().GetResult(), name,
                Path.Combine(directory, Dashboard.DashboardFile.FileName), beforeMove: () => pageTurn.Task.GetAwaiter().GetResult()));
        }
        try
        {
            PatternReport patterns;
            try
            {
                patterns = PatternAnalysis.Analyze(recording, report);
                patternsFound.SetResult(patterns);
            }
            catch (Exception e)
            {
                // The page waits for the patterns: it fails with the same fault rather than waiting for ever.
                patternsFound.SetException(e);
                throw;
            }
            if (Wanted(ReportFormats.Json))
            {
                files.Add(MemoryAnalysisJson.Write(recording, report, name, File("_memory_analysis.json"), detailed));
                files.Add(LifetimeJson.Write(recording, report, name, File("_lifetime.json"), detailed));
                files.Add(UnsafeFfiJson.Write(recording, report, name, File("_unsafe_ffi.json")));
                files.Add(SecurityViolationsJson.Write(recording, report, name, File("_security_violations.json")));
                files.Add(ComplexTypesJson.Write(recording, report, name, File("_complex_types.json")));
                files.Add(PatternsJson.Write(recording, report, patterns, name, File("_patterns.json")));
            }
            if (Wanted(ReportFormats.Svg))
                files.AddRange(Svg.SvgCharts.WriteAll(recording, report, name, directory));
            if (page is not null)
            {
                pageTurn.SetResult();
                files.Add(page.GetAwaiter().GetResult());
            }
        }
        finally
        {
            // A fault on this thread discards the page and leaves the export only once the page has let go of the folder
            // (the page's own fault, if it has one, is the page task's: this thread's is the one reported).
            pageTurn.TrySetCanceled();
            if (page is { IsCompleted: false })
                ((IAsyncResult)page).AsyncWaitHandle.WaitOne();
        }
        if (Wanted(ReportFormats.Json))
            files.Add(PerformanceJson.Write(recording, report, name, File("_performance.json"), exportTime)); // last JSON: it reports the export's time
        return files;
    }
}
