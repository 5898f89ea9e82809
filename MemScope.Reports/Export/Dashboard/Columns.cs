using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Text.Json;

namespace MemScopeReports.Export.Dashboard;

/// <summary>Writes one column of a table as a JSON array: the page reads columns, never one object per row.</summary>
internal static class Columns
{
    public static void Ints<T>(Utf8JsonWriter writer, string property, IReadOnlyList<T> rows, Func<T, long> value)
    {
        writer.WriteStartArray(property);
        for (int i = 0; i < rows.Count; i++)
            writer.WriteNumberValue(value(rows[i]));
        writer.WriteEndArray();
    }

    /// <summary>Milliseconds since the recording started, rounded to the microsecond; -1 when absent.</summary>
    public static void Times<T>(Utf8JsonWriter writer, string property, IReadOnlyList<T> rows, Func<T, double?> value)
    {
        writer.WriteStartArray(property);
        for (int i = 0; i < rows.Count; i++)
        {
            if (value(rows[i]) is { } ms)
                WriteThousandths(writer, ms);
            else
                writer.WriteNumberValue(-1);
        }
        writer.WriteEndArray();
    }

    public static void Doubles<T>(Utf8JsonWriter writer, string property, IReadOnlyList<T> rows, Func<T, double> value)
    {
        writer.WriteStartArray(property);
        for (int i = 0; i < rows.Count; i++)
            WriteThousandths(writer, value(rows[i]));
        writer.WriteEndArray();
    }

    public static double Ms(double? value) => value is { } v ? Math.Round(v, 3) : -1;

    /// <summary>
    /// A number rounded to three decimals, written as the shortest decimal text. A million-object dashboard writes
    /// millions of times: formatting them as integers and a fraction is several times faster than the shortest
    /// round-trip form of a double, and reads back as the same number.
    /// </summary>
    private static void WriteThousandths(Utf8JsonWriter writer, double value)
    {
        double scaled = Math.Round(value * 1000, MidpointRounding.AwayFromZero);
        if (!double.IsFinite(scaled) || Math.Abs(scaled) >= 1e15)
        {
            writer.WriteNumberValue(Math.Round(value, 3));
            return;
        }
        long thousandths = (long)scaled;
        Span<byte> text = stackalloc byte[24];
        int length = 0;
        if (thousandths < 0)
        {
            text[length++] = (byte)'-';
            thousandths = -thousandths;
        }
        Utf8Formatter.TryFormat(thousandths / 1000, text[length..], out int whole);
        length += whole;
        int fraction = (int)(thousandths % 1000);
        if (fraction != 0)
        {
            text[length++] = (byte)'.';
            int digits = fraction % 100 == 0 ? 1 : fraction % 10 == 0 ? 2 : 3;
            int divisor = 100;
            for (int d = 0; d < digits; d++, divisor /= 10)
                text[length++] = (byte)('0' + fraction / divisor % 10);
        }
        writer.WriteRawValue(text[..length], skipInputValidation: true);
    }
}
