using System;
using System.IO;
using System.Linq;
using MemScopeRuntime;
using MemScopeReports.Export;
using Xunit;
using MemScopeTrace.Model;

namespace MemScopeRuntimeTests;

public class ReportFormatsTests
{
    [Theory]
    [InlineData(null, ReportFormats.All)]
    [InlineData("none", ReportFormats.All)]
    [InlineData("json", ReportFormats.Json)]
    [InlineData(" svg , HTML ", ReportFormats.Svg | ReportFormats.Html)]
    [InlineData("json,trace,pdf", ReportFormats.Json | ReportFormats.Trace)]
    public void MEMSCOPE_EXPORT_lists_the_files_to_write(string? text, ReportFormats expected)
    {
        Assert.Equal(expected, RuntimeSettings.ParseFormats(text));
    }

    [Fact]
    public void An_export_limited_to_svg_writes_only_the_three_charts()
    {
        string directory = Directory.CreateTempSubdirectory("memscope-formats-").FullName;

        var files = Reports.Write(MemScope.Snapshot(), "charts_only", directory, new ReportOptions { Formats = ReportFormats.Svg });

        Assert.Equal(new[] { ".svg", ".svg", ".svg" }, files.Select(Path.GetExtension));
        Assert.Equal(3, Directory.GetFiles(directory).Length);
    }

    [Fact]
    public void The_trace_is_written_first_so_a_report_cut_short_still_leaves_the_whole_recording()
    {
        string directory = Directory.CreateTempSubdirectory("memscope-formats-").FullName;

        var files = Reports.Write(MemScope.Snapshot(), "trace_first", directory, new ReportOptions { Formats = ReportFormats.All });

        Assert.Equal(".mscope", Path.GetExtension(files[0]));
        Assert.True(files.Count > 10);
    }
}
