using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using MemScopeReports.Analysis;
using MemScopeReports.Analysis.Patterns;
using MemScopeReports.Export.Json;
using MemScopeTrace.Format;
using MemScopeTrace.Model;

namespace MemScopeReports.Export;

/// <summary>Writes the report file set for one recording into one folder; the analysis runs once for all files.</summary>
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
        var patterns = PatternAnalysis.Analyze(recording, report);
        bool detailed = options.IsDetailed(report.Objects.Count);
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
        if (Wanted(ReportFormats.Html))
            files.Add(Dashboard.DashboardFile.Write(recording, report, patterns, name, Path.Combine(directory, Dashboard.DashboardFile.FileName)));
        if (Wanted(ReportFormats.Json))
            files.Add(PerformanceJson.Write(recording, report, name, File("_performance.json"), exportTime)); // last JSON: it reports the export's time
        return files;
    }
}
