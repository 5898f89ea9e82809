using System;
using System.Collections.Generic;

namespace MemScopeReports.Export.Svg;

/// <summary>The rectangle data is drawn in; margins around it hold the title, axes and legend.</summary>
internal readonly record struct PlotArea(double Left, double Top, double Width, double Height)
{
    public double Right => Left + Width;
    public double Bottom => Top + Height;
}

/// <summary>How a legend entry shows its series.</summary>
internal enum LegendSwatch
{
    Area,
    Line,
    DashedLine,
    Mark,
    Diamond,
    Triangle,
}

internal readonly record struct LegendItem(string Label, string Color, LegendSwatch Swatch);

/// <summary>
/// The parts every chart shares around its data: title and subtitle, axes with ticks, grid and labels,
/// the legend, and the "no data" notice. Charts only decide what to draw inside the plot area.
/// </summary>
internal static class ChartFrame
{
    public const double TitleSize = 16;
    public const double LabelSize = 11;
    private const double LegendRow = 16;

    public static void Title(SvgWriter svg, string title, string subtitle)
    {
        string shown = TextFit.Truncate(title, svg.Width - 32, TitleSize, mono: false);
        svg.Text(16, 26, shown, TitleSize, bold: true, cssClass: "chart-title", tooltip: shown == title ? null : title);
        svg.Text(16, 44, TextFit.Truncate(subtitle, svg.Width - 32, LabelSize, mono: false), LabelSize, fill: Palette.Muted, cssClass: "chart-subtitle");
    }

    /// <summary>A chart with nothing to draw still says so, inside a valid document.</summary>
    public static void NoData(SvgWriter svg, PlotArea plot, string detail)
    {
        svg.Rect(plot.Left, plot.Top, plot.Width, plot.Height, "#fafbfc", stroke: Palette.Grid);
        svg.Text(plot.Left + plot.Width / 2, plot.Top + plot.Height / 2, "no data", 18, anchor: "middle", bold: true, fill: Palette.Muted, cssClass: "no-data");
        svg.Text(plot.Left + plot.Width / 2, plot.Top + plot.Height / 2 + 22, detail, LabelSize, anchor: "middle", fill: Palette.Muted);
    }

    /// <summary>Ticks, vertical grid lines and tick labels along the bottom (or top) of the plot, and the axis title.</summary>
    public static void XAxis(SvgWriter svg, PlotArea plot, LinearScale scale, Func<double, double, string> format, string title, bool atTop = false, bool grid = true, double minStep = 0)
    {
        // One tick per ~100 px leaves room for labels of up to ~14 characters.
        var (ticks, step) = scale.Ticks(Math.Max(2, (int)(plot.Width / 100)), minStep);
        double axisY = atTop ? plot.Top : plot.Bottom;
        svg.BeginGroup(atTop ? "x-axis top" : "x-axis");
        svg.Line(plot.Left, axisY, plot.Right, axisY, Palette.Axis);
        foreach (double tick in ticks)
        {
            double x = scale.Map(tick);
            if (grid)
                svg.Line(x, plot.Top, x, plot.Bottom, Palette.Grid);
            svg.Line(x, axisY, x, axisY + (atTop ? -4 : 4), Palette.Axis);
            svg.Text(x, atTop ? axisY - 7 : axisY + 16, format(tick, step), LabelSize, anchor: "middle", fill: Palette.Muted);
        }
        if (!atTop)
            svg.Text(plot.Left + plot.Width / 2, plot.Bottom + 34, title, LabelSize + 1, anchor: "middle", cssClass: "axis-title");
        svg.EndGroup();
    }

    /// <summary>Ticks, horizontal grid lines and tick labels along the left of the plot, and the axis title turned upright.</summary>
    public static void YAxis(SvgWriter svg, PlotArea plot, LinearScale scale, Func<double, double, string> format, string title)
    {
        // One tick per ~45 px keeps 11 px labels apart.
        var (ticks, step) = scale.Ticks(Math.Max(2, (int)(plot.Height / 45)));
        svg.BeginGroup("y-axis");
        svg.Line(plot.Left, plot.Top, plot.Left, plot.Bottom, Palette.Axis);
        foreach (double tick in ticks)
        {
            double y = scale.Map(tick);
            svg.Line(plot.Left, y, plot.Right, y, Palette.Grid);
            svg.Line(plot.Left - 4, y, plot.Left, y, Palette.Axis);
            svg.Text(plot.Left - 7, y + 4, format(tick, step), LabelSize, anchor: "end", fill: Palette.Muted);
        }
        svg.Text(16, plot.Top + plot.Height / 2, title, LabelSize + 1, anchor: "middle", cssClass: "axis-title", rotate: true);
        svg.EndGroup();
    }

    /// <summary>A marker for a moment (a Dispose), centred on (x, y).</summary>
    public static string Diamond(double x, double y) =>
        new PathData().MoveTo(x, y - 5).LineTo(x + 4, y).LineTo(x, y + 5).LineTo(x - 4, y).Close().ToString();

    /// <summary>A warning marker (a violation), centred on (x, y).</summary>
    public static string Triangle(double x, double y) =>
        new PathData().MoveTo(x, y - 5).LineTo(x + 5, y + 4).LineTo(x - 5, y + 4).Close().ToString();

    /// <summary>The height a legend of these items takes when wrapped to <paramref name="maxWidth"/>.</summary>
    public static double LegendHeight(IReadOnlyList<LegendItem> items, double maxWidth) => Layout(items, 0, 0, maxWidth, null);

    /// <summary>Draws the legend left to right, wrapping to new rows; returns its height.</summary>
    public static double Legend(SvgWriter svg, IReadOnlyList<LegendItem> items, double x, double y, double maxWidth) => Layout(items, x, y, maxWidth, svg);

    private static double Layout(IReadOnlyList<LegendItem> items, double left, double top, double maxWidth, SvgWriter? svg)
    {
        if (items.Count == 0)
            return 0;
        double x = left, y = top;
        svg?.BeginGroup("legend");
        foreach (var item in items)
        {
            double width = 22 + TextFit.Width(item.Label, LabelSize, mono: false) + 18;
            if (x > left && x + width > left + maxWidth)
            {
                x = left;
                y += LegendRow;
            }
            if (svg is not null)
            {
                double mid = y + LegendRow / 2;
                switch (item.Swatch)
                {
                    case LegendSwatch.Area:
                        svg.Rect(x, mid - 5, 16, 10, item.Color, opacity: 0.35, stroke: item.Color);
                        break;
                    case LegendSwatch.Line:
                        svg.Line(x, mid, x + 16, mid, item.Color, 2);
                        break;
                    case LegendSwatch.DashedLine:
                        svg.Line(x, mid, x + 16, mid, item.Color, 2, dash: "4 3");
                        break;
                    case LegendSwatch.Mark:
                        svg.Line(x + 8, mid - 6, x + 8, mid + 6, item.Color, 2);
                        break;
                    case LegendSwatch.Diamond:
                        svg.Path(Diamond(x + 8, mid), "none", item.Color);
                        break;
                    case LegendSwatch.Triangle:
                        svg.Path(Triangle(x + 8, mid), "none", item.Color);
                        break;
                }
                svg.Text(x + 22, mid + 4, item.Label, LabelSize);
            }
            x += width;
        }
        svg?.EndGroup();
        return y - top + LegendRow;
    }
}
