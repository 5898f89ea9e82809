using System;
using MemScopeReports.Analysis;
using MemScopeTrace.Model;

namespace MemScopeReports.Export.Svg;

/// <summary>
/// The first and last timestamp (Stopwatch ticks) a chart covers, and which pixel column a moment in it
/// falls into; the time axis maps the same span, so columns and ticks agree.
/// </summary>
internal readonly record struct TimeRange(long Start, long End, bool HasData)
{
    /// <summary>The recording's events and, for reports built by hand (tests, trace readers), every object's allocation and collection.</summary>
    public static TimeRange Of(Recording recording, LifecycleReport report)
    {
        var range = new TimeRange(0, 0, false);
        var events = recording.Events;
        if (events.Count > 0)
            range = range.Including(events[0].Timestamp).Including(events[events.Count - 1].Timestamp);
        if (report.Objects.Count == 0)
            return range;
        long start = long.MaxValue, end = long.MinValue;
        foreach (var obj in report.Objects)
        {
            long born = obj.AllocatedAt ?? obj.FirstSeenAt;
            long died = obj.CollectedAt ?? born;
            if (born < start) start = born;
            if (died > end) end = died;
        }
        return range.Including(start).Including(end);
    }

    public TimeRange Including(long timestamp) =>
        HasData ? new TimeRange(Math.Min(Start, timestamp), Math.Max(End, timestamp), true) : new TimeRange(timestamp, timestamp, true);

    /// <summary>The column, of <paramref name="columns"/> across the range, that <paramref name="timestamp"/> falls into.</summary>
    public int Column(long timestamp, int columns)
    {
        long span = End - Start;
        if (span <= 0)
            return 0;
        int column = (int)((double)(timestamp - Start) / span * columns);
        return column < 0 ? 0 : column >= columns ? columns - 1 : column;
    }
}
