using System;
using System.Collections.Generic;
using System.Diagnostics;
using MemScopeTrace.Model;

namespace MemScopeReports.Analysis.Patterns;

/// <summary>What every detector shares: the recording, the lifecycle report, the objects by id, and the recorded span.</summary>
internal sealed class AnalysisContext
{
    public AnalysisContext(Recording recording, LifecycleReport report, PatternOptions options)
    {
        Recording = recording;
        Report = report;
        Options = options;
        Events = EventArray.Of(recording);
        ObjectsById = report.ObjectsById;
        if (ObjectsById.Count != report.Objects.Count)
        {
            // A report put together by hand rather than by the analysis.
            ObjectsById = new Dictionary<long, TrackedObject>(report.Objects.Count);
            foreach (var obj in report.Objects)
                ObjectsById[obj.Id] = obj;
        }

        // The span runs from the first to the last thing recorded, events or GC samples alike.
        long start = long.MaxValue, end = long.MinValue;
        if (Events.Length > 0)
        {
            start = Events[0].Timestamp;
            end = Events[^1].Timestamp;
        }
        foreach (var sample in recording.GcSamples)
        {
            start = Math.Min(start, sample.Timestamp);
            end = Math.Max(end, sample.Timestamp);
        }
        StartTimestamp = start == long.MaxValue ? recording.StartTimestamp : start;
        EndTimestamp = end == long.MinValue ? recording.StartTimestamp : end;
    }

    public Recording Recording { get; }
    public LifecycleReport Report { get; }
    public PatternOptions Options { get; }

    /// <summary>The events as an array: the detectors' loops run over a million of them.</summary>
    public RecordedEvent[] Events { get; }
    public Dictionary<long, TrackedObject> ObjectsById { get; }
    public long StartTimestamp { get; }
    public long EndTimestamp { get; }

    public double StartMs => Recording.ToMilliseconds(StartTimestamp);
    public double EndMs => Recording.ToMilliseconds(EndTimestamp);

    public static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    public SiteInfo? Site(int id) => id == 0 ? null : Recording.Sites[id];
}
