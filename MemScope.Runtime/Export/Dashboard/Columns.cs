using System;
using System.Collections.Generic;
using System.Text.Json;

namespace MemScopeRuntime.Export.Dashboard;

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
            writer.WriteNumberValue(Ms(value(rows[i])));
        writer.WriteEndArray();
    }

    public static void Doubles<T>(Utf8JsonWriter writer, string property, IReadOnlyList<T> rows, Func<T, double> value)
    {
        writer.WriteStartArray(property);
        for (int i = 0; i < rows.Count; i++)
            writer.WriteNumberValue(Math.Round(value(rows[i]), 3));
        writer.WriteEndArray();
    }

    public static double Ms(double? value) => value is { } v ? Math.Round(v, 3) : -1;
}
