using System;
using System.Collections.Generic;
using MemScopeReports.Analysis;
using MemScopeTrace.Model;

namespace MemScopeReports.Export.Dashboard;

/// <summary>
/// Tracked live bytes over time, computed from the objects' allocation and collection times. A million objects
/// become at most <see cref="MaxPoints"/> points (the peak of each bucket) so the chart draws in a frame at any zoom.
/// </summary>
internal sealed class LiveBytesSeries
{
    public const int MaxPoints = 4000;

    public List<(double Ms, long Bytes)> Points { get; } = new();
    public long PeakBytes { get; private set; }

    public static LiveBytesSeries Of(Recording recording, IReadOnlyList<TrackedObject> objects, double durationMs)
    {
        var changes = new List<(long At, long Delta)>(objects.Count * 2);
        changes.AddRange(TrackedObject.LiveBytesChanges(objects));
        changes.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Delta.CompareTo(b.Delta));

        var series = new LiveBytesSeries();
        double bucket = changes.Count <= MaxPoints || durationMs <= 0 ? 0 : durationMs / (MaxPoints / 2);
        long live = 0;
        double lastBucket = double.NaN;
        foreach (var (at, delta) in changes)
        {
            live += delta;
            series.PeakBytes = Math.Max(series.PeakBytes, live);
            double ms = recording.ToMilliseconds(at);
            double key = bucket > 0 ? Math.Floor(ms / bucket) : ms;
            // Within one bucket keep the highest value: a chart of peaks never hides a spike.
            if (key == lastBucket && series.Points.Count > 0)
            {
                var last = series.Points[^1];
                series.Points[^1] = (last.Ms, Math.Max(last.Bytes, live));
            }
            else
            {
                series.Points.Add((ms, live));
                lastBucket = key;
            }
        }
        if (series.Points.Count > 0)
            series.Points.Add((Math.Max(durationMs, series.Points[^1].Ms), live));
        return series;
    }

    public long FinalBytes => Points.Count == 0 ? 0 : Points[^1].Bytes;
}
