using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

// memscope-rs's basic_usage in C#: a vector, a string and a box, each held by a named variable,
// plus a tracked field. The report names each variable with its line.
internal static class Program
{
    [Tracked]
    private static void Main()
    {
        Console.WriteLine("MemScope basic usage");

        var myVec = new List<int> { 1, 2, 3, 4, 5 };
        var myString = new string('*', 3) + " Hello from MemScope " + new string('*', 3);
        var myBox = new StrongBox<int>(42);

        var inventory = new Inventory();
        inventory.Add("apples");
        inventory.Add("pears");

        Console.WriteLine($"myVec    = [{string.Join(", ", myVec)}]");
        Console.WriteLine($"myString = {myString}");
        Console.WriteLine($"myBox    = {myBox.Value}");
        Console.WriteLine($"inventory holds {inventory.Count} items");

        var result = MemScope.Export("basic_usage");
        if (result is null)
        {
            Console.WriteLine("MemScope is disabled (MEMSCOPE_ENABLED=0): no report written.");
            return;
        }
        Console.WriteLine($"Report: {result.Directory} ({result.EventsExported} events, {result.EventsDropped} dropped, {result.Duration.TotalMilliseconds:F1} ms)");
        foreach (var file in result.Files)
            Console.WriteLine($"  {file}");
    }
}

internal sealed class Inventory
{
    [Tracked]
    private List<string> _items = new();

    public int Count => _items.Count;

    public void Add(string item)
    {
        // Replacing the list shows the field's previous value in the report.
        _items = new List<string>(_items) { item };
    }
}
