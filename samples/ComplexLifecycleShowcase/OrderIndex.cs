using System;
using System.Collections.Generic;

/// <summary>Order lines grouped by customer: (quantity, sku) pairs in a list per customer.</summary>
[Tracked]
internal sealed class OrderIndex
{
    private readonly Dictionary<string, List<Tuple<int, string>>> _linesByCustomer = new(StringComparer.Ordinal);

    public int CustomerCount => _linesByCustomer.Count;

    public int LineCount
    {
        get
        {
            int count = 0;
            foreach (var lines in _linesByCustomer.Values)
                count += lines.Count;
            return count;
        }
    }

    /// <summary>Customers in ordinal order, so everything printed from them is in a fixed order.</summary>
    public IReadOnlyList<string> Customers
    {
        get
        {
            var customers = new List<string>(_linesByCustomer.Keys);
            customers.Sort(StringComparer.Ordinal);
            return customers;
        }
    }

    public void Add(string customer, int quantity, string sku)
    {
        if (!_linesByCustomer.TryGetValue(customer, out var lines))
        {
            lines = new List<Tuple<int, string>>();
            _linesByCustomer.Add(customer, lines);
        }
        lines.Add(new Tuple<int, string>(quantity, sku));
    }

    public IReadOnlyList<Tuple<int, string>> LinesOf(string customer) => _linesByCustomer[customer];
}
