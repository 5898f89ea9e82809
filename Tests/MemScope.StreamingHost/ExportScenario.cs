using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using MemScopeRuntime;
using MemScopeRuntime.Capture;
using MemScopeTrace.Format;
using MemScopeTrace.Model;

namespace MemScopeStreamingHost;

/// <summary>
/// Records past the buffer with streaming on, exports through <c>MemScope.Export</c> (JSON and trace) into
/// MEMSCOPE_OUTPUT, and reads the written .mscope and performance report back: the streamed events must be in them.
/// </summary>
internal static class ExportScenario
{
    public static Results Run(int events, int eventsPerSecond)
    {
        PacedRecorder.Record(site: 0, events, TimeSpan.MaxValue, eventsPerSecond, Stopwatch.StartNew());
        var export = global::MemScope.Export("streamed", new ExportOptions().WithFormats(ReportFormats.Json | ReportFormats.Trace))
            ?? throw new InvalidOperationException("MemScope is disabled");

        var trace = TraceFile.Read(Path.Combine(export.Directory, "streamed.mscope"));
        using var performance = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(export.Directory, "streamed_performance.json")));
        var tracker = performance.RootElement.GetProperty("tracker");
        var results = new Results()
            .Add("appended", events)
            .Add("exported", export.EventsExported)
            .Add("dropped", export.EventsDropped)
            .Add("traceEvents", trace.Events.Count)
            .Add("traceDropped", trace.DroppedEvents)
            .Add("reportStreamed", tracker.GetProperty("eventsStreamed").GetInt64())
            .Add("faults", InternalFaults.FaultCount);
        Directory.Delete(export.Directory, recursive: true);
        Recorder.StopStreaming();
        return results;
    }
}
