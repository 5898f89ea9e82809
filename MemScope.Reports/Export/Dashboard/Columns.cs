using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Text.Json;

namespace MemScopeReports.Export.Dashboard;

/// <summary>
/// Writes one column of a table as a JSON array: the page reads columns, never one object per row. A column's numbers
/// are formatted straight into one pooled buffer and handed to the writer whole: per value, the writer's own checks
/// cost more than the formatting.
/// </summary>
internal static class Columns
{
    public static void Ints<T>(Utf8JsonWriter writer, string property, IReadOnlyList<T> rows, Func<T, long> value)
    {
        var text = new NumberText(rows.Count);
        for (int i = 0; i < rows.Count; i++)
            text.Add(value(rows[i]));
        text.WriteTo(writer, property);
    }

    /// <summary>Milliseconds since the recording started, rounded to the microsecond; -1 when absent.</summary>
    public static void Times<T>(Utf8JsonWriter writer, string property, IReadOnlyList<T> rows, Func<T, double?> value)
    {
        var text = new NumberText(rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            if (value(rows[i]) is { } ms)
                text.AddThousandths(ms);
            else
                text.Add(-1);
        }
        text.WriteTo(writer, property);
    }

    public static void Doubles<T>(Utf8JsonWriter writer, string property, IReadOnlyList<T> rows, Func<T, double> value)
    {
        var text = new NumberText(rows.Count);
        for (int i = 0; i < rows.Count; i++)
            text.AddThousandths(value(rows[i]));
        text.WriteTo(writer, property);
    }

    public static double Ms(double? value) => value is { } v ? Math.Round(v, 3) : -1;

    /// <summary>A JSON array of numbers being formatted into a buffer from the shared pool.</summary>
    private struct NumberText
    {
        /// <summary>The longest number written: a long with its sign, or a double's shortest form, and a comma.</summary>
        private const int MaxLength = 33;

        private byte[] _buffer;
        private int _length;

        public NumberText(int count)
        {
            _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(64, count * 8 + 2));
            _buffer[0] = (byte)'[';
            _length = 1;
        }

        private Span<byte> Next()
        {
            if (_buffer.Length - _length < MaxLength + 1)
            {
                var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                _buffer.AsSpan(0, _length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }
            if (_length > 1)
                _buffer[_length++] = (byte)',';
            return _buffer.AsSpan(_length);
        }

        public void Add(long value)
        {
            Utf8Formatter.TryFormat(value, Next(), out int written);
            _length += written;
        }

        /// <summary>
        /// A number rounded to three decimals, written as the shortest decimal text. A million-object dashboard writes
        /// millions of times: formatting them as integers and a fraction is several times faster than the shortest
        /// round-trip form of a double, and reads back as the same number.
        /// </summary>
        public void AddThousandths(double value)
        {
            var text = Next();
            double scaled = Math.Round(value * 1000, MidpointRounding.AwayFromZero);
            if (!double.IsFinite(scaled) || Math.Abs(scaled) >= 1e15)
            {
                // JSON has no NaN or infinity: refused as the JSON writer refuses them.
                if (!double.IsFinite(value))
                    throw new ArgumentException($"{value} is not a JSON number.", nameof(value));
                Utf8Formatter.TryFormat(Math.Round(value, 3), text, out int all);
                _length += all;
                return;
            }
            long thousandths = (long)scaled;
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
            _length += length;
        }

        public void WriteTo(Utf8JsonWriter writer, string property)
        {
            _buffer[_length++] = (byte)']';
            writer.WritePropertyName(property);
            writer.WriteRawValue(_buffer.AsSpan(0, _length), skipInputValidation: true);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = Array.Empty<byte>();
            Json.JsonFile.FlushIfFull(writer);
        }
    }
}
