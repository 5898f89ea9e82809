using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using MemScopeReports.Export.Dashboard;
using Xunit;

namespace MemScopeRuntimeTests;

public class DashboardColumnsTests
{
    [Fact]
    public void Times_are_written_as_the_numbers_rounded_to_the_microsecond_and_absent_ones_as_minus_one()
    {
        var random = new Random(7);
        var values = new double?[] { 0, 0.0004, 0.0005, 1, 12.5, 123.456, 123.4567, 99.9999, -0.5, -12.0004, 1e9 + 0.25, null }
            .Concat(Enumerable.Range(0, 10_000).Select(_ => (double?)(random.NextDouble() * 100_000)))
            .ToArray();

        var written = Write(values);

        Assert.Equal(values.Length, written.Length);
        for (int i = 0; i < values.Length; i++)
            Assert.Equal(values[i] is { } v ? Math.Round(v, 3, MidpointRounding.AwayFromZero) : -1, written[i], 9);
    }

    [Fact]
    public void Times_are_written_in_their_shortest_form()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            Columns.Times(writer, "t", new double?[] { 7, 12.5, 0.25, 3.125, -2.1 }, v => v);
            writer.WriteEndObject();
        }

        Assert.Equal("{\"t\":[7,12.5,0.25,3.125,-2.1]}", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static double[] Write(double?[] values)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            Columns.Times(writer, "t", values, v => v);
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(stream.ToArray());
        return document.RootElement.GetProperty("t").EnumerateArray().Select(e => e.GetDouble()).ToArray();
    }
}
