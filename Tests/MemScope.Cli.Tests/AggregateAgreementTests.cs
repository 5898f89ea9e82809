using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace MemScope.Cli.Tests;

/// <summary>The totals by type are computed once: the JSON report, the dashboard's data and <c>memscope summary</c> agree.</summary>
[Collection(SampleTracesCollection.Name)]
public sealed class AggregateAgreementTests(SampleTraces samples)
{
    private sealed record TypeRow(string Type, long Objects, long Bytes);

    [Fact]
    public void Totals_by_type_are_the_same_in_the_json_report_the_dashboard_and_the_summary()
    {
        string folder = samples.ComplexFolder;
        var json = FromJsonReport(folder);
        var dashboard = FromDashboard(folder);
        var summary = FromSummary(folder);

        Assert.True(json.Count > 5, "the sample allocates more than five types");
        Assert.Equal(json, dashboard);
        Assert.True(summary.Count >= 5, "the summary shows the top types");
        Assert.Equal(json.Take(summary.Count), summary);
    }

    private static List<TypeRow> FromJsonReport(string folder)
    {
        using var report = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(folder, "*_memory_analysis.json").Single()));
        return report.RootElement.GetProperty("byType").EnumerateArray()
            .Select(t => new TypeRow(t.GetProperty("typeName").GetString()!, t.GetProperty("count").GetInt64(), t.GetProperty("bytes").GetInt64()))
            .ToList();
    }

    private static List<TypeRow> FromDashboard(string folder)
    {
        string html = File.ReadAllText(Path.Combine(folder, "dashboard.html"));
        var data = Regex.Match(html, "<script type=\"application/json\" id=\"memscope-data\">(.*?)</script>", RegexOptions.Singleline);
        using var document = JsonDocument.Parse(data.Groups[1].Value);
        var strings = document.RootElement.GetProperty("str").EnumerateArray().Select(s => s.GetString()!).ToList();
        var types = document.RootElement.GetProperty("types");
        long[] Column(string name) => types.GetProperty(name).EnumerateArray().Select(v => v.GetInt64()).ToArray();
        var (type, objects, bytes) = (Column("type"), Column("objects"), Column("bytes"));
        return Enumerable.Range(0, type.Length).Select(i => new TypeRow(strings[(int)type[i]], objects[i], bytes[i])).ToList();
    }

    /// <summary>The rows of the "Top types by bytes" table: type, objects, bytes.</summary>
    private static List<TypeRow> FromSummary(string folder)
    {
        var result = CliRun.InProcess("summary", folder);
        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n');
        int title = Array.FindIndex(lines, l => l.Contains("Top types by bytes"));
        Assert.True(title >= 0, result.Output);
        return lines.Skip(title + 1)
            .TakeWhile(l => !l.TrimStart().StartsWith('╰'))
            .Select(l => l.Split('│', StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length >= 4 && long.TryParse(cells[2], System.Globalization.NumberStyles.AllowThousands, null, out _))
            .Select(cells => new TypeRow(cells[1], long.Parse(cells[2], System.Globalization.NumberStyles.AllowThousands), long.Parse(cells[3], System.Globalization.NumberStyles.AllowThousands)))
            .ToList();
    }
}
