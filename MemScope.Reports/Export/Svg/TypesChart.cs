using System;
using System.Collections.Generic;
using System.Linq;
using MemScopeReports.Analysis;

namespace MemScopeReports.Export.Svg;

/// <summary><c>&lt;name&gt;_types.svg</c>: two horizontal bar charts, bytes by type and objects by type, each of the top types.</summary>
internal static class TypesChart
{
    public const int MaxTypes = 20;

    private const double Width = 1000;
    private const double LabelLeft = 16;
    private const double PlotLeft = 340;
    private const double ValueRoom = 110;
    private const double RowHeight = 20;
    private const double BarHeight = 13;
    private const double LabelSize = 11;
    private const double PanelGap = 64;

    private sealed class Totals
    {
        public Totals(string typeName) => TypeName = typeName;

        public string TypeName { get; }
        public long Bytes { get; set; }
        public long Count { get; set; }
    }

    public static string Write(LifecycleReport report, string name, string path)
    {
        // The totals the JSON report and the dashboard list too, made once per report.
        var byType = new Dictionary<string, Totals>(StringComparer.Ordinal);
        foreach (var type in AllocationTotals.ByType(report))
            byType[type.TypeName] = new Totals(type.TypeName) { Bytes = type.Totals.Bytes, Count = type.Totals.Count };
        // Ties break on the name (ordinal) so the same recording always draws the same chart.
        var byBytes = byType.Values.OrderByDescending(t => t.Bytes).ThenByDescending(t => t.Count).ThenBy(t => t.TypeName, StringComparer.Ordinal).Take(MaxTypes).ToList();
        var byCount = byType.Values.OrderByDescending(t => t.Count).ThenByDescending(t => t.Bytes).ThenBy(t => t.TypeName, StringComparer.Ordinal).Take(MaxTypes).ToList();

        string title = $"{name}: memory by type";
        long totalBytes = byType.Values.Sum(t => t.Bytes);
        string subtitle = byType.Count == 0
            ? "the recording holds no tracked objects"
            : $"{ChartLabels.Count(byType.Count, "type")}, {ChartLabels.Count(report.Objects.Count, "object")}, {ChartLabels.Bytes(totalBytes)}" +
              (byType.Count > MaxTypes ? $"; the top {MaxTypes} types of each measure shown" : "");

        double panelHeight = Math.Max(byBytes.Count, 3) * RowHeight;
        double firstTop = 92;
        double secondTop = firstTop + panelHeight + PanelGap;
        var svg = new SvgWriter(Width, byType.Count == 0 ? firstTop + panelHeight + 40 : secondTop + panelHeight + 56, title,
            "Bytes and object counts of tracked objects by type. " + subtitle);
        ChartFrame.Title(svg, title, subtitle);
        if (byType.Count == 0)
        {
            ChartFrame.NoData(svg, new PlotArea(LabelLeft, firstTop, Width - 2 * LabelLeft, panelHeight), "no tracked object was recorded");
            return svg.Save(path);
        }

        Panel(svg, "bytes by type", byBytes, t => t.Bytes, firstTop, panelHeight, Palette.Bytes, "bytes-bar", "bytes (total size of the type's objects)", bytes: true);
        Panel(svg, "objects by type", byCount, t => t.Count, secondTop, panelHeight, Palette.Count, "count-bar", "objects (count)", bytes: false);
        return svg.Save(path);
    }

    private static void Panel(SvgWriter svg, string heading, List<Totals> rows, Func<Totals, long> value, double top, double height, string color, string barClass, string axisTitle, bool bytes)
    {
        var plot = new PlotArea(PlotLeft, top, Width - PlotLeft - ValueRoom, height);
        long max = rows.Count == 0 ? 0 : rows.Max(value);
        var (unit, divisor) = bytes ? ChartLabels.ByteUnit(max) : ("", 1.0);
        int ticks = Math.Max(2, (int)(plot.Width / 100));
        var scale = new LinearScale(0, LinearScale.NiceCeiling(max / divisor, ticks), plot.Left, plot.Right);

        svg.BeginGroup("panel");
        svg.Text(LabelLeft, top - 10, heading, LabelSize + 2, bold: true, cssClass: "panel-title");
        ChartFrame.XAxis(svg, plot, scale, (v, step) => ChartLabels.Tick(v, step) + (bytes ? " " + unit : ""), bytes ? $"{axisTitle}, {unit}" : axisTitle, minStep: bytes ? 0 : 1);
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            double y = top + i * RowHeight;
            double mid = y + RowHeight / 2;
            string label = TextFit.Truncate(row.TypeName, PlotLeft - LabelLeft - 12, LabelSize, mono: true);
            svg.Text(PlotLeft - 8, mid + 4, label, LabelSize, anchor: "end", mono: true, cssClass: "type-label", tooltip: row.TypeName);
            double width = scale.Map(value(row) / divisor) - plot.Left;
            string shown = bytes ? ChartLabels.Bytes(row.Bytes) : ChartLabels.Count(row.Count);
            string tooltip = $"{row.TypeName}: {ChartLabels.Bytes(row.Bytes)} in {ChartLabels.Count(row.Count, "object")}";
            svg.Rect(plot.Left, mid - BarHeight / 2, width, BarHeight, color, barClass, tooltip);
            svg.Text(plot.Left + width + 6, mid + 4, shown, LabelSize, fill: Palette.Muted, cssClass: "value-label");
        }
        svg.EndGroup();
    }
}
