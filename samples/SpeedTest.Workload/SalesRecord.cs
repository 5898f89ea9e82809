using System;

namespace SpeedTestWorkload;

/// <summary>One parsed line: an order of a product by a customer in a city.</summary>
[Tracked]
public sealed class SalesRecord
{
    public SalesRecord(int id, string customer, string city, string product, int quantity, long priceCents)
    {
        Id = id;
        Customer = customer;
        City = city;
        Product = product;
        Quantity = quantity;
        PriceCents = priceCents;
    }

    public int Id { get; }
    public string Customer { get; }
    public string City { get; }
    public string Product { get; }
    public int Quantity { get; }
    public long PriceCents { get; }

    public long TotalCents => checked(Quantity * PriceCents);
}

/// <summary>What one customer bought, summed over the input.</summary>
[Tracked]
public sealed class CustomerTotals
{
    public CustomerTotals(string customer) => Customer = customer;

    public string Customer { get; }
    public int Orders { get; private set; }
    public long Cents { get; private set; }
    public string? LastCity { get; private set; }

    public void Add(SalesRecord record)
    {
        Orders++;
        Cents += record.TotalCents;
        LastCity = record.City;
    }
}
