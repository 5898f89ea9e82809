using System;
using System.Collections.Generic;
using System.Linq;
using MemScopeReports.Analysis;
using MemScopeTrace.Model;

namespace MemScopeReports.Export.Svg;

/// <summary>
/// <c>&lt;name&gt;_timeline.svg</c>: bytes held by tracked objects and native blocks over time, the GC heap and
/// its fragmentation from the GC samples, and a mark wherever a collection ran (gen0, gen1, gen2).
/// </summary>
internal static class TimelineChart
{
    private const double Width = 1000;
    private const double PlotHeight = 320;
    private const double MarginLeft = 84;
    private const double MarginRight = 24;
    private const double MarginBottom = 52;

    public static string Write(Recording recording, LifecycleReport report, string name, string path)
    {
        var samples = recording.GcSamples.OrderBy(s => s.Timestamp).ToList();
        var range = TimeRange.Of(recording, report);
        bool hasData = range.HasData || samples.Count > 0;
        if (samples.Count > 0)
            range = range.Including(samples[0].Timestamp).Including(samples[^1].Timestamp);

        string title = $"{name}: tracked memory over time";
        double plotWidth = Width - MarginLeft - MarginRight;
        int columns = (int)plotWidth;
        double startMs = hasData ? recording.ToMilliseconds(range.Start) : 0;
        double endMs = hasData ? recording.ToMilliseconds(range.End) : 1;
        int Column(long timestamp) => range.Column(timestamp, columns);

        var tracked = LiveBytes(report, includeObjects: true, range, columns, out long peakTracked);
        var native = LiveBytes(report, includeObjects: false, range, columns, out long peakNative);
        var inUse = new ColumnEnvelope(columns);
        var heap = new ColumnEnvelope(columns);
        var fragmented = new ColumnEnvelope(columns);
        foreach (var sample in samples)
        {
            int column = Column(sample.Timestamp);
            inUse.Add(column, sample.AllocatedNowBytes);
            heap.Add(column, sample.HeapBytes);
            fragmented.Add(column, sample.FragmentedBytes);
        }
        var marks = CollectionMarks(samples, Column, out var collections);

        var legend = new List<LegendItem> { new("tracked live bytes (objects + native)", Palette.Tracked, LegendSwatch.Area) };
        if (report.NativeBlocks.Count > 0)
            legend.Add(new("of which native", Palette.Native, LegendSwatch.Line));
        if (samples.Count > 0)
        {
            legend.Add(new("managed bytes in use", Palette.InUse, LegendSwatch.DashedLine));
            legend.Add(new("GC heap size (after the last GC)", Palette.Heap, LegendSwatch.Line));
            legend.Add(new("GC fragmented bytes", Palette.Fragmented, LegendSwatch.DashedLine));
            legend.Add(new($"gen0 GC ({ChartLabels.Count(collections[0])})", Palette.Gen0, LegendSwatch.Mark));
            legend.Add(new($"gen1 GC ({ChartLabels.Count(collections[1])})", Palette.Gen1, LegendSwatch.Mark));
            legend.Add(new($"gen2 GC ({ChartLabels.Count(collections[2])})", Palette.Gen2, LegendSwatch.Mark));
        }
        double legendHeight = ChartFrame.LegendHeight(legend, plotWidth);
        var plot = new PlotArea(MarginLeft, 58 + legendHeight + 10, plotWidth, PlotHeight);

        string subtitle = hasData
            ? $"{ChartLabels.Count(report.Objects.Count, "object")}, {ChartLabels.Count(report.NativeBlocks.Count, "native block")}, {ChartLabels.Count(samples.Count, "GC sample")}; " +
              $"peak tracked live {ChartLabels.Bytes(peakTracked)}" + (peakNative > 0 ? $" (native peak {ChartLabels.Bytes(peakNative)})" : "") +
              (samples.Count > 0 ? $", peak GC heap {ChartLabels.Bytes(heap.Max)}, peak in use {ChartLabels.Bytes(inUse.Max)}" : "")
            : "the recording holds no events and no GC samples";
        var svg = new SvgWriter(Width, plot.Bottom + MarginBottom, title, "Live bytes of tracked objects and native blocks, managed bytes in use, GC heap size and fragmentation, and garbage collections over time. " + subtitle);
        ChartFrame.Title(svg, title, subtitle);
        if (!hasData)
        {
            ChartFrame.NoData(svg, plot, "nothing was recorded");
            return svg.Save(path);
        }
        ChartFrame.Legend(svg, legend, plot.Left, 54, plot.Width);

        double maxBytes = Math.Max(Math.Max(tracked.Max, inUse.IsEmpty ? 0 : inUse.Max), Math.Max(heap.IsEmpty ? 0 : heap.Max, fragmented.IsEmpty ? 0 : fragmented.Max));
        var (unit, divisor) = ChartLabels.ByteUnit(maxBytes);
        int yTicks = Math.Max(2, (int)(plot.Height / 45));
        double top = LinearScale.NiceCeiling(maxBytes / divisor, yTicks);
        var yUnits = new LinearScale(0, top, plot.Bottom, plot.Top);
        double Y(double bytes) => yUnits.Map(bytes / divisor);
        var x = new LinearScale(startMs, endMs, plot.Left, plot.Right);

        ChartFrame.YAxis(svg, plot, yUnits, (v, step) => ChartLabels.Tick(v, step) + " " + unit, $"bytes ({unit})");
        ChartFrame.XAxis(svg, plot, x, ChartLabels.Tick, "time since the session started (ms)");

        double ColumnX(int column) => plot.Left + (column + 0.5) * plot.Width / columns;
        // Gen0 and gen1 collections are frequent: full-height lines would hatch the plot, so they are
        // ticks along its top edge (gen1 taller). Gen2 collections are rare and costly: full height.
        svg.BeginGroup("gc-marks");
        foreach (var (column, generation) in marks)
        {
            double x0 = ColumnX(column);
            if (generation == 2)
                svg.Line(x0, plot.Top, x0, plot.Bottom, Palette.Gen2, 1.2, cssClass: "gc-mark gen2");
            else
                svg.Line(x0, plot.Top, x0, plot.Top + (generation == 1 ? 12 : 7), generation == 1 ? Palette.Gen1 : Palette.Gen0, 1.5, cssClass: "gc-mark gen" + generation);
        }
        svg.EndGroup();

        var trackedLine = StepPath(tracked, plot, ColumnX, Y);
        string area = trackedLine + new PathData().Vertical(Y(0)).Horizontal(plot.Left).Close();
        svg.Path(area, "none", Palette.Tracked, fillOpacity: 0.18, cssClass: "tracked-area");
        svg.Path(trackedLine, Palette.Tracked, "none", 1.8, cssClass: "series tracked");
        if (report.NativeBlocks.Count > 0)
            svg.Path(StepPath(native, plot, ColumnX, Y), Palette.Native, "none", 1.4, cssClass: "series native");
        if (samples.Count > 0)
        {
            svg.Path(PointPath(inUse, ColumnX, Y), Palette.InUse, "none", 1.2, dash: "2 2", cssClass: "series gc-in-use");
            svg.Path(PointPath(heap, ColumnX, Y), Palette.Heap, "none", 1.6, cssClass: "series gc-heap");
            svg.Path(PointPath(fragmented, ColumnX, Y), Palette.Fragmented, "none", 1.4, dash: "5 3", cssClass: "series gc-fragmented");
        }
        return svg.Save(path);
    }

    /// <summary>
    /// Live bytes after every allocation and release, reduced to pixel columns. Sizes are added at
    /// allocation (or first sighting) and taken back at collection; native blocks at acquire and release.
    /// </summary>
    private static ColumnEnvelope LiveBytes(LifecycleReport report, bool includeObjects, TimeRange range, int columns, out long peak)
    {
        int capacity = 2 * report.NativeBlocks.Count + (includeObjects ? 2 * report.Objects.Count : 0);
        var times = new long[capacity];
        var deltas = new long[capacity];
        int count = 0;
        void Change(long timestamp, long delta)
        {
            times[count] = timestamp;
            deltas[count++] = delta;
        }

        if (includeObjects)
        {
            foreach (var (at, delta) in TrackedObject.LiveBytesChanges(report.Objects))
                Change(at, delta);
        }
        foreach (var block in report.NativeBlocks)
        {
            if (block.Size <= 0)
                continue;
            Change(block.AcquiredAt, block.Size);
            if (block.ReleasedAt is { } released)
                Change(released, -block.Size);
        }

        // Bucket the changes by pixel column (a counting sort, linear), then order each column's few
        // changes by time: much cheaper than sorting them all, and the order the sum needs is the same.
        var columnOf = new int[count];
        var starts = new int[columns + 1];
        for (int i = 0; i < count; i++)
            starts[(columnOf[i] = range.Column(times[i], columns)) + 1]++;
        for (int c = 0; c < columns; c++)
            starts[c + 1] += starts[c];
        var next = (int[])starts.Clone();
        var sortedTimes = new long[count];
        var sortedDeltas = new long[count];
        for (int i = 0; i < count; i++)
        {
            int at = next[columnOf[i]]++;
            sortedTimes[at] = times[i];
            sortedDeltas[at] = deltas[i];
        }

        var envelope = new ColumnEnvelope(columns);
        long live = 0;
        peak = 0;
        for (int column = 0; column < columns; column++)
        {
            int from = starts[column], to = starts[column + 1];
            if (to - from > 1)
                Array.Sort(sortedTimes, sortedDeltas, from, to - from);
            for (int i = from; i < to; i++)
            {
                live += sortedDeltas[i];
                // Changes at the same instant are one step: only the value after all of them counts.
                if (i + 1 < to && sortedTimes[i + 1] == sortedTimes[i])
                    continue;
                if (live > peak)
                    peak = live;
                envelope.Add(column, live);
            }
        }
        return envelope;
    }

    /// <summary>One mark per column where a collection count rose, the highest generation collected winning.</summary>
    private static List<(int Column, int Generation)> CollectionMarks(List<GcSample> samples, Func<long, int> columnOf, out long[] totals)
    {
        totals = new long[3];
        var byColumn = new SortedDictionary<int, int>();
        for (int i = 1; i < samples.Count; i++)
        {
            var before = samples[i - 1];
            var after = samples[i];
            // CollectionCount(0) also counts gen1 and gen2 collections; separate them.
            long gen2 = Math.Max(0, after.Gen2Collections - before.Gen2Collections);
            long gen1 = Math.Max(0, after.Gen1Collections - before.Gen1Collections - gen2);
            long gen0 = Math.Max(0, after.Gen0Collections - before.Gen0Collections - gen1 - gen2);
            totals[0] += gen0;
            totals[1] += gen1;
            totals[2] += gen2;
            int generation = gen2 > 0 ? 2 : gen1 > 0 ? 1 : gen0 > 0 ? 0 : -1;
            if (generation < 0)
                continue;
            int column = columnOf(after.Timestamp);
            byColumn[column] = Math.Max(generation, byColumn.TryGetValue(column, out int existing) ? existing : -1);
        }
        return byColumn.Select(pair => (pair.Key, pair.Value)).ToList();
    }

    /// <summary>A step line: flat between changes, a vertical span where a column holds changes.</summary>
    private static string StepPath(ColumnEnvelope envelope, PlotArea plot, Func<int, double> columnX, Func<double, double> y)
    {
        var path = new PathData().MoveTo(plot.Left, y(0));
        double current = 0;
        for (int column = 0; column < envelope.Columns; column++)
        {
            if (!envelope.TryGet(column, out _, out double min, out double max, out double last))
                continue;
            path.Horizontal(columnX(column));
            if (max != min)
            {
                path.Vertical(y(max)).Vertical(y(min));
                if (last != min)
                    path.Vertical(y(last));
            }
            else if (last != current)
            {
                path.Vertical(y(last));
            }
            current = last;
        }
        return path.Horizontal(plot.Right).ToString();
    }

    /// <summary>A line through sampled points; a column with several samples draws their range.</summary>
    private static string PointPath(ColumnEnvelope envelope, Func<int, double> columnX, Func<double, double> y)
    {
        var path = new PathData();
        for (int column = 0; column < envelope.Columns; column++)
        {
            if (!envelope.TryGet(column, out double first, out double min, out double max, out double last))
                continue;
            double x = columnX(column);
            if (path.IsEmpty)
                path.MoveTo(x, y(first));
            else
                path.LineTo(x, y(first));
            if (min != max)
                path.LineTo(x, y(max)).LineTo(x, y(min));
            if (last != first || min != max)
                path.LineTo(x, y(last));
        }
        return path.ToString();
    }
}
