using System.Collections.Generic;
using System.IO;
using MemScopeReports.Analysis;
using MemScopeTrace.Model;

namespace MemScopeReports.Export.Svg;

/// <summary>
/// The report's SVG charts, drawn by hand as SVG 1.1 (no charting library: the runtime ships without
/// dependencies). Each chart aggregates before it draws, so its size depends on the plot, not on the event count.
/// </summary>
internal static class SvgCharts
{
    public static List<string> WriteAll(Recording recording, LifecycleReport report, string name, string directory)
    {
        Directory.CreateDirectory(directory);
        string File(string suffix) => Path.Combine(directory, name + suffix);
        return new List<string>
        {
            TimelineChart.Write(recording, report, name, File("_timeline.svg")),
            LifetimesChart.Write(recording, report, name, File("_lifetimes.svg")),
            TypesChart.Write(report, name, File("_types.svg")),
        };
    }
}
