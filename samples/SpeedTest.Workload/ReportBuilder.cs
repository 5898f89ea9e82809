using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SpeedTestWorkload;

/// <summary>Builds the text report: top customers, products by revenue, cities by orders, sorted records.</summary>
[Tracked]
public sealed class ReportBuilder
{
    private readonly StringBuilder _text = new(16 * 1024);

    public string Build(SalesIndex index, List<SalesRecord> records, int top)
    {
        _text.Clear();
        var ranked = index.Ranked();
        _text.Append("top customers").AppendLine();
        for (int i = 0; i < Math.Min(top, ranked.Count); i++)
        {
            var c = ranked[i];
            _text.Append("  ").Append(c.Customer.PadRight(16)).Append(Money(c.Cents).PadLeft(14))
                 .Append("  ").Append(c.Orders.ToString(CultureInfo.InvariantCulture)).Append(" orders, last in ").Append(c.LastCity).AppendLine();
        }

        var products = new List<KeyValuePair<string, long>>(index.ProductCents);
        products.Sort(static (a, b) => b.Value != a.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        _text.Append("products by revenue").AppendLine();
        foreach (var product in products)
            _text.Append("  ").Append(product.Key.PadRight(10)).Append(Money(product.Value).PadLeft(16)).AppendLine();

        var cities = new List<KeyValuePair<string, int>>(index.CityOrders);
        cities.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        _text.Append("orders by city").AppendLine();
        foreach (var city in cities)
            _text.Append("  ").Append(city.Key).Append('=').Append(city.Value.ToString(CultureInfo.InvariantCulture)).AppendLine();

        // The biggest single orders: a full sort of every record, by value then id.
        var sorted = new List<SalesRecord>(records);
        sorted.Sort(static (a, b) => b.TotalCents != a.TotalCents ? b.TotalCents.CompareTo(a.TotalCents) : a.Id.CompareTo(b.Id));
        _text.Append("largest orders").AppendLine();
        for (int i = 0; i < Math.Min(top, sorted.Count); i++)
        {
            var r = sorted[i];
            string line = string.Concat("  #", r.Id.ToString(CultureInfo.InvariantCulture), " ", r.Customer, " ", r.Quantity.ToString(CultureInfo.InvariantCulture), " x ", r.Product, " = ", Money(r.TotalCents));
            _text.Append(line).AppendLine();
        }
        return _text.ToString();
    }

    private static string Money(long cents) =>
        (cents / 100).ToString("N0", CultureInfo.InvariantCulture) + "." + (cents % 100).ToString("00", CultureInfo.InvariantCulture);
}
