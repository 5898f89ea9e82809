using System;
using System.Collections.Generic;

namespace SpeedTestWorkload;

/// <summary>Totals per customer, per product and per city, kept in dictionaries.</summary>
[Tracked]
public sealed class SalesIndex
{
    private readonly Dictionary<string, CustomerTotals> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _productCents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _cityOrders = new(StringComparer.Ordinal);

    public int CustomerCount => _customers.Count;
    public IReadOnlyDictionary<string, long> ProductCents => _productCents;
    public IReadOnlyDictionary<string, int> CityOrders => _cityOrders;

    public void AddAll(List<SalesRecord> records)
    {
        foreach (var record in records)
            Add(record);
    }

    public void Add(SalesRecord record)
    {
        if (!_customers.TryGetValue(record.Customer, out var totals))
        {
            totals = new CustomerTotals(record.Customer);
            _customers.Add(record.Customer, totals);
        }
        totals.Add(record);
        _productCents[record.Product] = _productCents.GetValueOrDefault(record.Product) + record.TotalCents;
        _cityOrders[record.City] = _cityOrders.GetValueOrDefault(record.City) + 1;
    }

    /// <summary>Customers by money spent, most first; ties by name.</summary>
    public List<CustomerTotals> Ranked()
    {
        var ranked = new List<CustomerTotals>(_customers.Values);
        ranked.Sort(static (a, b) =>
        {
            int byCents = b.Cents.CompareTo(a.Cents);
            return byCents != 0 ? byCents : string.CompareOrdinal(a.Customer, b.Customer);
        });
        return ranked;
    }
}
