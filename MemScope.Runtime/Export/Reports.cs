using System.Collections.Generic;
using System.Diagnostics;

namespace MemScopeRuntime.Export;

/// <summary>Writes the whole report set of a recording: what <see cref="global::MemScope.Export"/> and the memscope tool both call.</summary>
public static class Reports
{
    public static IReadOnlyList<string> Write(Recording.Recording recording, string name, string directory, ExportOptions? options = null) =>
        ReportWriter.WriteAll(recording, name, directory, options ?? new ExportOptions(), Stopwatch.StartNew());
}
