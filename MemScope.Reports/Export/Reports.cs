using System.Collections.Generic;
using System.Diagnostics;
using MemScopeTrace.Model;

namespace MemScopeReports.Export;

/// <summary>Writes the whole report set of a recording: what MemScope.Export and the memscope tool both call.</summary>
public static class Reports
{
    public static IReadOnlyList<string> Write(Recording recording, string name, string directory, ReportOptions? options = null) =>
        ReportWriter.WriteAll(recording, name, directory, options ?? new ReportOptions(), Stopwatch.StartNew());
}
