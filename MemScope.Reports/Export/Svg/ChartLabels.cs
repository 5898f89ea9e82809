using System;
using System.Globalization;

namespace MemScopeReports.Export.Svg;

/// <summary>Turns values into the words of a chart: bytes with a unit, milliseconds and counts, culture-invariantly.</summary>
internal static class ChartLabels
{
    // Powers of 1024, so IEC names; the dashboard writes the same.
    private static readonly string[] Units = { "B", "KiB", "MiB", "GiB", "TiB" };

    /// <summary>The unit (power of 1024) an axis whose largest value is <paramref name="max"/> reads best in.</summary>
    public static (string Name, double Divisor) ByteUnit(double max)
    {
        int index = 0;
        double divisor = 1;
        while (index < Units.Length - 1 && max >= divisor * 1024)
        {
            divisor *= 1024;
            index++;
        }
        return (Units[index], divisor);
    }

    /// <summary>"1.5 MiB": a single value in its own best unit.</summary>
    public static string Bytes(double bytes)
    {
        var (unit, divisor) = ByteUnit(Math.Abs(bytes));
        return divisor == 1
            ? bytes.ToString("0", CultureInfo.InvariantCulture) + " B"
            : (bytes / divisor).ToString("0.#", CultureInfo.InvariantCulture) + " " + unit;
    }

    /// <summary>A tick value with just the decimals its spacing needs (a step of 0.25 shows two), thousands separated.</summary>
    public static string Tick(double value, double step)
    {
        int decimals = step > 0 ? Math.Clamp((int)Math.Ceiling(-Math.Log10(step) - 1e-9) + (IsQuarterStep(step) ? 1 : 0), 0, 6) : 0;
        return value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    public static string Milliseconds(double ms) => ms.ToString(Math.Abs(ms) >= 100 ? "0.#" : "0.###", CultureInfo.InvariantCulture) + " ms";

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"1 object", "2 objects".</summary>
    public static string Count(long count, string noun) => Count(count) + " " + noun + (count == 1 ? "" : "s");

    // 0.25, 0.025…: one decimal more than the power of ten says.
    private static bool IsQuarterStep(double step)
    {
        double scaled = step / Math.Pow(10, Math.Floor(Math.Log10(step)));
        return Math.Abs(scaled - 2.5) < 1e-6;
    }
}
