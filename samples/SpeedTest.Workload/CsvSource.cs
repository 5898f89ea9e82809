using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SpeedTestWorkload;

/// <summary>
/// Deterministic CSV-ish input: <c>id;customer;city;product;quantity;price</c>, with a header, the odd
/// blank line and quoted-free fields. The same seed gives the same lines on every machine and runtime.
/// </summary>
public static class CsvSource
{
    private static readonly string[] s_cities = { "Lisbon", "Oslo", "Kraków", "Lyon", "Osaka", "Quito", "Perth", "Tartu" };
    private static readonly string[] s_products = { "bolt", "nut", "washer", "gear", "spring", "valve", "hinge", "rivet", "bearing", "clamp", "pulley", "gasket" };
    private static readonly string[] s_syllables = { "ka", "lo", "mi", "ra", "ten", "vo", "su", "dan", "el", "ith", "or", "bu" };

    public const string Header = "id;customer;city;product;quantity;price";

    public static List<string> Generate(int lines, uint seed = 20261125)
    {
        var result = new List<string>(lines + 1) { Header };
        var builder = new StringBuilder(64);
        uint state = seed;
        for (int i = 0; i < lines; i++)
        {
            builder.Clear();
            builder.Append(i + 1).Append(';');
            // About 1,000 distinct customers, so the dictionaries see both hits and misses.
            uint customer = Next(ref state) % 997;
            builder.Append(s_syllables[customer % 12]).Append(s_syllables[customer / 12 % 12]).Append(s_syllables[customer / 144 % 12]).Append('-').Append(customer).Append(';');
            builder.Append(s_cities[Next(ref state) % (uint)s_cities.Length]).Append(';');
            builder.Append(s_products[Next(ref state) % (uint)s_products.Length]).Append(';');
            builder.Append(1 + Next(ref state) % 20).Append(';');
            uint cents = 99 + Next(ref state) % 50_000;
            builder.Append((cents / 100).ToString(CultureInfo.InvariantCulture)).Append('.').Append((cents % 100).ToString("00", CultureInfo.InvariantCulture));
            result.Add(builder.ToString());
            if (i % 1000 == 999)
                result.Add(string.Empty);
        }
        return result;
    }

    /// <summary>xorshift32: fixed, portable, no dependence on System.Random's algorithm.</summary>
    private static uint Next(ref uint state)
    {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    }
}
