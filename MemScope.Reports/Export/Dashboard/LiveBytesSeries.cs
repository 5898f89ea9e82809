using System;
using System.Collections.Generic;
using MemScopeReports.Analysis;
using MemScopeTrace.Model;

namespace MemScopeReports.Export.Dashboard;

/// <summary>
/// Live bytes over time, as the SVG timeline counts them: tracked objects from allocation to collection plus native
/// blocks from allocation to free. A million objects become at most <see cref="MaxPoints"/> points (the peak of each
/// bucket) so the chart draws in a frame at any zoom.
/// </summary>
internal sealed class LiveBytesSeries
{
    public const int MaxPoints = 4000;

    /// <summary>Time, live bytes of objects and native blocks together, and of native blocks alone (each the bucket's peak).</summary>
    public List<(double Ms, long Total, long Native)> Points { get; } = new();

    /// <summary>The most bytes live at once, objects and native blocks together, and when.</summary>
    public long PeakBytes { get; private set; }
    public double PeakMs { get; private set; }

    public static LiveBytesSeries Of(Recording recording, IReadOnlyList<TrackedObject> objects, IReadOnlyList<NativeResource> nativeBlocks, double durationMs)
    {
        var changes = new List<(long At, long Delta, bool Native)>(objects.Count * 2 + nativeBlocks.Count * 2);
        // TrackedObject.LiveBytesChanges, inline: this loop runs over every object of the recording.
        for (int i = 0; i < objects.Count; i++)
        {
            var obj = objects[i];
            if (obj.Size <= 0 || !obj.CollectionWatched)
                continue;
            changes.Add((obj.AllocatedAt ?? obj.FirstSeenAt, obj.WeightedSize, false));
            if (obj.CollectedAt is { } collected)
                changes.Add((collected, -obj.WeightedSize, false));
        }
        foreach (var block in nativeBlocks)
        {
            if (block.Size <= 0)
                continue;
            changes.Add((block.AcquiredAt, block.Size, true));
            if (block.ReleasedAt is { } released)
                changes.Add((released, -block.Size, true));
        }
        // At one tick, releases before acquisitions: a peak is never two lives that did not overlap.
        changes.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Delta.CompareTo(b.Delta));

        var series = new LiveBytesSeries();
        double bucket = changes.Count <= MaxPoints || durationMs <= 0 ? 0 : durationMs / (MaxPoints / 2);
        long total = 0, native = 0;
        double lastBucket = double.NaN;
        foreach (var (at, delta, isNative) in changes)
        {
            total += delta;
            if (isNative)
                native += delta;
            double ms = recording.ToMilliseconds(at);
            if (total > series.PeakBytes)
            {
                series.PeakBytes = total;
                series.PeakMs = ms;
            }
            double key = bucket > 0 ? Math.Floor(ms / bucket) : ms;
            // Within one bucket keep the highest values: a chart of peaks never hides a spike.
            if (key == lastBucket && series.Points.Count > 0)
            {
                var last = series.Points[^1];
                series.Points[^1] = (last.Ms, Math.Max(last.Total, total), Math.Max(last.Native, native));
            }
            else
            {
                series.Points.Add((ms, total, native));
                lastBucket = key;
            }
        }
        if (series.Points.Count > 0)
            series.Points.Add((Math.Max(durationMs, series.Points[^1].Ms), total, native));
        return series;
    }
}
