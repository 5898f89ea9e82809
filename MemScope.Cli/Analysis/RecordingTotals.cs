using System.Linq;
using MemScopeReports.Analysis;
using MemScopeTrace.Model;

namespace MemScopeCli.Analysis;

/// <summary>The headline numbers of one recording, computed once for the summary, the HTML page and the diff.</summary>
internal sealed record RecordingTotals(
    long Events,
    long DroppedEvents,
    long InternalFaults,
    int Threads,
    double DurationMs,
    int Objects,
    long Bytes,
    long LiveObjects,
    long LiveBytes,
    int NativeBlocks,
    long NativeBytes,
    int LiveNativeBlocks,
    int Leaks,
    long LeakedBytes,
    int Violations)
{
    public static RecordingTotals Of(MemScopeTrace.Model.Recording recording, LifecycleReport report)
    {
        var events = recording.Events;
        double duration = events.Count == 0 ? 0 : recording.ToMilliseconds(events[^1].Timestamp);
        var objects = new ObjectTotals();
        foreach (var o in report.Objects)
            objects.Add(o);
        return new RecordingTotals(
            events.Count,
            recording.DroppedEvents,
            recording.InternalFaults,
            recording.Threads.Count,
            duration,
            objects.Count,
            objects.Bytes,
            objects.LiveCount,
            objects.LiveBytes,
            report.NativeBlocks.Count,
            report.NativeBlocks.Sum(b => b.Size),
            report.NativeBlocks.Count(b => b.Status == BlockStatus.Live),
            report.Leaks.Count,
            report.Leaks.Sum(l => l.Size),
            report.Violations.Count);
    }
}
