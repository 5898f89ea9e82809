using System;
using System.Runtime.CompilerServices;

namespace AssemblyToProcess;

/// <summary>A plain class made without its constructor or by reflection.</summary>
public sealed class Ticket
{
    public int Number;
}

/// <summary>Not tracked: it clones itself in untracked code.</summary>
public sealed class Sheep
{
    public Sheep(string name) => Name = name;

    public string Name { get; }

    public Sheep Copy() => (Sheep)MemberwiseClone();
}

/// <summary>Tracked: its MemberwiseClone is an allocation site.</summary>
[Tracked]
public sealed class TrackedSheep
{
    public TrackedSheep(string name) => Name = name;

    public string Name { get; }

    public TrackedSheep Copy() => (TrackedSheep)MemberwiseClone();
}

/// <summary>Every allocation API besides newobj and newarr, each called once in tracked code.</summary>
public static class AllocationApiScenario
{
    [Tracked]
    public static int[] AllocateArray()
    {
        var pinned = GC.AllocateArray<int>(10, pinned: true);
        return pinned;
    }

    [Tracked]
    public static byte[] AllocateUninitializedArray()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(4096);
        return buffer;
    }

    [Tracked]
    public static Array CreateGrid()
    {
        var grid = Array.CreateInstance(typeof(long), 3, 4);
        return grid;
    }

    [Tracked]
    public static Array CreateStructArray()
    {
        var pairs = Array.CreateInstance(typeof(ValueTuple<long, int>), 5);
        return pairs;
    }

    [Tracked]
    public static long[,] NewGrid()
    {
        var grid = new long[2, 3];
        return grid;
    }

    [Tracked]
    public static int[] CloneArray(int[] source)
    {
        var copy = (int[])source.Clone();
        return copy;
    }

    [Tracked]
    public static string CreateString()
    {
        var text = string.Create(10, 'x', static (span, fill) => span.Fill(fill));
        return text;
    }

    [Tracked]
    public static string NewString()
    {
        var text = new string('y', 7);
        return text;
    }

    [Tracked]
    public static object Uninitialized()
    {
        var ticket = RuntimeHelpers.GetUninitializedObject(typeof(Ticket));
        return ticket;
    }

    [Tracked]
    public static Ticket ActivatorGeneric()
    {
        var ticket = Activator.CreateInstance<Ticket>();
        return ticket;
    }

    [Tracked]
    public static object? ActivatorOfType()
    {
        var ticket = Activator.CreateInstance(typeof(Ticket));
        return ticket;
    }

    /// <summary>`new T()` compiles to Activator.CreateInstance&lt;T&gt;(): an allocation when T is a class, none for a struct.</summary>
    [Tracked]
    public static T Make<T>()
        where T : new()
    {
        var made = new T();
        return made;
    }

    [Tracked]
    public static (Sheep Original, Sheep Clone) CloneUntracked()
    {
        var dolly = new Sheep("Dolly");
        var copy = dolly.Copy();
        return (dolly, copy);
    }

    [Tracked]
    public static (TrackedSheep Original, TrackedSheep Clone) CloneTracked()
    {
        var dolly = new TrackedSheep("Dolly");
        var copy = dolly.Copy();
        return (dolly, copy);
    }
}
