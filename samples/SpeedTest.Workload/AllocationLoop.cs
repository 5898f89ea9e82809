using System;

namespace SpeedTestWorkload;

/// <summary>A small tracked class: two ints, nothing a constructor must allocate.</summary>
[Tracked]
public sealed class Particle
{
    private readonly int _x;
    private readonly int _y;

    public Particle(int x, int y)
    {
        _x = x;
        _y = y;
    }

    public int Weight => _x ^ _y;
}

/// <summary>
/// Allocation and nothing else: every <c>new Particle</c> is tracked where woven (an Alloc event and the
/// object's identity), and no named local holds it, so no Bind or scope end joins the allocation.
/// </summary>
[Tracked]
public static class AllocationLoop
{
    public static long Run(int count)
    {
        long sum = 0;
        for (int i = 0; i < count; i++)
            sum += new Particle(i, count - i).Weight;
        return sum;
    }
}
