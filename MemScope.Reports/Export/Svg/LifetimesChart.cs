using System;
using System.Collections.Generic;
using System.Linq;
using MemScopeReports.Analysis;
using MemScopeTrace.Model;

namespace MemScopeReports.Export.Svg;

/// <summary>
/// <c>&lt;name&gt;_lifetimes.svg</c>: a Gantt view of objects, one bar from allocation (or first sighting) to
/// collection (or the end of the recording), grouped by the variable that held them and their type, with
/// marks for Dispose, collection and violations. Only the most telling objects are drawn; the rest are counted.
/// </summary>
internal static class LifetimesChart
{
    /// <summary>More rows than this make a chart nobody scrolls through; the JSON reports hold every object.</summary>
    public const int MaxObjects = 200;

    private const double Width = 1100;
    private const double LabelLeft = 16;
    private const double LabelWidth = 330;
    private const double MarginRight = 28;
    private const double RowHeight = 16;
    private const double BarHeight = 10;
    private const double LabelSize = 11;

    public static string Write(Recording recording, LifecycleReport report, string name, string path)
    {
        var range = TimeRange.Of(recording, report);
        foreach (var sample in recording.GcSamples)
            range = range.Including(sample.Timestamp);
        long end = range.End;

        var violated = new HashSet<long>(report.Violations.Select(v => v.Subject));
        var shown = Select(report.Objects, violated, end);
        var rows = Group(shown);
        var marks = Marks(recording, report, shown);
        int omitted = report.Objects.Count - shown.Count;

        string title = $"{name}: object lifetimes by variable";
        string subtitle = report.Objects.Count == 0
            ? "the recording holds no tracked objects"
            : omitted > 0
                ? $"{ChartLabels.Count(shown.Count)} of {ChartLabels.Count(report.Objects.Count)} objects shown; {ChartLabels.Count(omitted)} omitted (objects with violations first, then the largest and longest-lived)"
                : $"all {ChartLabels.Count(shown.Count, "object")} shown";

        var legend = new List<LegendItem>
        {
            new("lifetime, collected", Palette.Collected, LegendSwatch.Area),
            new("lifetime, alive at the end", Palette.Alive, LegendSwatch.Area),
            new("Dispose / handle close", Palette.DisposeMark, LegendSwatch.Diamond),
            new("collected by the GC", Palette.CollectMark, LegendSwatch.Mark),
            new("violation", Palette.Violation, LegendSwatch.Triangle),
        };
        double plotLeft = LabelLeft + LabelWidth;
        double plotWidth = Width - plotLeft - MarginRight;
        double legendHeight = ChartFrame.LegendHeight(legend, Width - 2 * LabelLeft);
        double plotTop = 54 + legendHeight + 34;
        var plot = new PlotArea(plotLeft, plotTop, plotWidth, Math.Max(rows.Count, 3) * RowHeight);
        var svg = new SvgWriter(Width, plot.Bottom + 56, title, "Objects as bars from allocation to collection, grouped by variable and type, with Dispose, collection and violation marks. " + subtitle);
        ChartFrame.Title(svg, title, subtitle);
        if (shown.Count == 0)
        {
            ChartFrame.NoData(svg, new PlotArea(LabelLeft, plotTop, Width - LabelLeft - MarginRight, plot.Height), "no tracked object was recorded");
            return svg.Save(path);
        }
        ChartFrame.Legend(svg, legend, LabelLeft, 54, Width - 2 * LabelLeft);

        var x = new LinearScale(recording.ToMilliseconds(range.Start), recording.ToMilliseconds(end), plot.Left, plot.Right);
        double X(long timestamp) => x.Map(recording.ToMilliseconds(timestamp));

        // Group bands first, so grid lines and bars draw over them.
        svg.BeginGroup("groups");
        for (int i = 0, group = 0; i < rows.Count; group++)
        {
            int first = i;
            var key = rows[i].Group;
            while (i < rows.Count && rows[i].Group == key)
                i++;
            double top = plot.Top + first * RowHeight;
            if (group % 2 == 1)
                svg.Rect(LabelLeft - 8, top, plot.Right - LabelLeft + 8, (i - first) * RowHeight, Palette.Band);
            // A bracket spans a group's rows, since its label stands only at the first of them.
            if (i - first > 1)
                svg.Line(LabelLeft - 5, top + 3, LabelLeft - 5, top + (i - first) * RowHeight - 3, Palette.Axis, 1.5);
            GroupLabel(svg, key, i - first, top, plot.Left);
        }
        svg.EndGroup();
        svg.Text(LabelLeft, plot.Top - 8, "variable · type", LabelSize + 1, bold: true, cssClass: "axis-title");
        ChartFrame.XAxis(svg, plot, x, ChartLabels.Tick, "time since the session started (ms)");
        ChartFrame.XAxis(svg, plot, x, ChartLabels.Tick, "time since the session started (ms)", atTop: true, grid: false);

        svg.BeginGroup("lifetimes");
        for (int row = 0; row < rows.Count; row++)
        {
            var obj = rows[row].Object;
            double top = plot.Top + row * RowHeight;
            double mid = top + RowHeight / 2;
            long start = obj.AllocatedAt ?? obj.FirstSeenAt;
            long stop = obj.CollectedAt ?? end;
            double left = X(start);
            marks.TryGetValue(obj.Id, out var objectMarks);
            svg.Rect(left, mid - BarHeight / 2, Math.Max(1.5, X(stop) - left), BarHeight, obj.CollectedAt is null ? Palette.Alive : Palette.Collected,
                obj.CollectedAt is null ? "lifetime-bar alive" : "lifetime-bar collected", Describe(recording, obj, objectMarks?.DisposedAt));
            if (obj.CollectedAt is { } collected)
                svg.Line(X(collected), top + 1, X(collected), top + RowHeight - 1, Palette.CollectMark, 2, cssClass: "collect-mark", tooltip: "collected at " + ChartLabels.Milliseconds(recording.ToMilliseconds(collected)));
            if (objectMarks?.DisposedAt is { } disposed)
                svg.Path(ChartFrame.Diamond(X(disposed), mid), "#ffffff", Palette.DisposeMark, 1, cssClass: "dispose-mark", tooltip: $"{objectMarks.DisposeKind} at {ChartLabels.Milliseconds(recording.ToMilliseconds(disposed))}");
            if (objectMarks is not null)
                DrawViolations(svg, recording, objectMarks.Violations, X, mid);
        }
        svg.EndGroup();
        return svg.Save(path);
    }

    /// <summary>Ranks objects so the chart keeps what a reader most needs: violations, then size, then lifetime.</summary>
    private readonly record struct Rank(bool HasViolation, long Size, long Duration, long Id) : IComparable<Rank>
    {
        public int CompareTo(Rank other)
        {
            int c = HasViolation.CompareTo(other.HasViolation);
            if (c == 0) c = Size.CompareTo(other.Size);
            if (c == 0) c = Duration.CompareTo(other.Duration);
            // A later id ranks lower, so ties resolve the same way every run.
            return c != 0 ? c : other.Id.CompareTo(Id);
        }
    }

    /// <summary>The <see cref="MaxObjects"/> highest-ranked objects in one pass (a bounded heap, not a sort of all objects).</summary>
    private static List<TrackedObject> Select(List<TrackedObject> objects, HashSet<long> violated, long end)
    {
        var kept = new PriorityQueue<TrackedObject, Rank>(MaxObjects + 1);
        foreach (var obj in objects)
        {
            var rank = new Rank(violated.Contains(obj.Id), obj.Size, (obj.CollectedAt ?? end) - (obj.AllocatedAt ?? obj.FirstSeenAt), obj.Id);
            if (kept.Count < MaxObjects)
                kept.Enqueue(obj, rank);
            else
                kept.EnqueueDequeue(obj, rank);
        }
        var shown = new List<TrackedObject>(kept.Count);
        while (kept.Count > 0)
            shown.Add(kept.Dequeue());
        return shown;
    }

    private readonly record struct GroupKey(string Variable, string TypeName);

    private readonly record struct Row(GroupKey Group, TrackedObject Object);

    /// <summary>Rows grouped by variable and type, groups in order of their first allocation, objects by time within a group.</summary>
    private static List<Row> Group(List<TrackedObject> shown) =>
        shown.GroupBy(o => new GroupKey(o.LastVariable ?? o.FirstVariable ?? "(no variable)", o.TypeName))
            .Select(g => (Key: g.Key, Objects: g.OrderBy(Start).ThenBy(o => o.Id).ToList()))
            .OrderBy(g => Start(g.Objects[0]))
            .ThenBy(g => g.Key.Variable, StringComparer.Ordinal)
            .ThenBy(g => g.Key.TypeName, StringComparer.Ordinal)
            .SelectMany(g => g.Objects.Select(o => new Row(g.Key, o)))
            .ToList();

    private static long Start(TrackedObject obj) => obj.AllocatedAt ?? obj.FirstSeenAt;

    private static void GroupLabel(SvgWriter svg, GroupKey key, int count, double top, double plotLeft)
    {
        string full = $"{key.Variable} · {key.TypeName}";
        string suffix = count > 1 ? "×" + ChartLabels.Count(count) : "";
        double room = plotLeft - LabelLeft - 12 - (suffix.Length > 0 ? TextFit.Width(suffix, LabelSize, mono: false) + 8 : 0);
        string label = TextFit.Truncate(full, room, LabelSize, mono: true);
        string tooltip = count > 1 ? $"{full} ({ChartLabels.Count(count)} objects)" : full;
        svg.Text(LabelLeft, top + 12, label, LabelSize, mono: true, cssClass: "row-label", tooltip: tooltip);
        if (suffix.Length > 0)
            svg.Text(plotLeft - 8, top + 12, suffix, LabelSize, anchor: "end", fill: Palette.Muted);
    }

    private sealed class ObjectMarks
    {
        public long? DisposedAt { get; set; }
        public string DisposeKind { get; set; } = "Dispose";
        public List<Violation> Violations { get; } = new();
    }

    /// <summary>Dispose and violation moments of the shown objects only: one scan of the events, no per-event output.</summary>
    private static Dictionary<long, ObjectMarks> Marks(Recording recording, LifecycleReport report, List<TrackedObject> shown)
    {
        var marks = new Dictionary<long, ObjectMarks>(shown.Count);
        foreach (var obj in shown)
            marks[obj.Id] = new ObjectMarks();
        foreach (var e in EventArray.Of(recording))
        {
            if ((e.Kind == EventKind.Dispose || e.Kind == EventKind.HandleClose) && marks.TryGetValue(e.ObjectId, out var m) && m.DisposedAt is null)
            {
                m.DisposedAt = e.Timestamp;
                m.DisposeKind = e.Kind == EventKind.Dispose ? "Dispose" : "handle closed";
            }
        }
        foreach (var violation in report.Violations)
        {
            if (marks.TryGetValue(violation.Subject, out var m))
                m.Violations.Add(violation);
        }
        return marks;
    }

    /// <summary>One triangle per pixel of a row: a violation repeated in a loop must not become thousands of elements.</summary>
    private static void DrawViolations(SvgWriter svg, Recording recording, List<Violation> violations, Func<long, double> x, double mid)
    {
        foreach (var atPixel in violations.GroupBy(v => (int)Math.Round(x(v.Timestamp))).OrderBy(g => g.Key))
        {
            var first = atPixel.First();
            string tooltip = $"{first.Kind} at {ChartLabels.Milliseconds(recording.ToMilliseconds(first.Timestamp))}: {first.Message}" +
                             (atPixel.Count() > 1 ? $" (and {ChartLabels.Count(atPixel.Count() - 1)} more here)" : "");
            svg.Path(ChartFrame.Triangle(atPixel.Key, mid), "#ffffff", Palette.Violation, 0.8, cssClass: "violation-mark", tooltip: tooltip);
        }
    }

    private static string Describe(Recording recording, TrackedObject obj, long? disposedAt)
    {
        string Ms(long t) => ChartLabels.Milliseconds(recording.ToMilliseconds(t));
        string start = obj.AllocatedAt is { } allocated ? "allocated at " + Ms(allocated) : "first seen at " + Ms(obj.FirstSeenAt);
        return $"#{obj.Id} {obj.TypeName} '{obj.LastVariable ?? obj.FirstVariable ?? "?"}', {ChartLabels.Bytes(obj.Size)}; {start}" +
               (obj.AllocSite is { } site ? $" ({site.Location})" : "") +
               (disposedAt is { } d ? "; disposed at " + Ms(d) : "") +
               (obj.CollectedAt is { } c ? "; collected at " + Ms(c) : obj.CollectionWatched ? "; alive at the end" : "; collection not watched (sampled out)");
    }
}
