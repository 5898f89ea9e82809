using System;

namespace MemScopeRuntime.Recording;

/// <summary>
/// MEMSCOPE_SAMPLE=N: records about one allocation in N. Each thread counts down a random gap drawn from the
/// geometric distribution of mean N, so every allocation has the same 1/N chance (unbiased totals once scaled
/// by N) and no periodic allocation pattern can alias with the sampling. One decrement per allocation.
/// </summary>
internal static class AllocationSampler
{
    [ThreadStatic] private static long t_untilNext;
    [ThreadStatic] private static ulong t_state;

    public static bool Take(int oneIn)
    {
        if (oneIn <= 1)
            return true;
        if (--t_untilNext > 0)
            return false;
        t_untilNext = NextGap(oneIn);
        return true;
    }

    private static long NextGap(int oneIn)
    {
        if (t_state == 0)
            t_state = (ulong)Environment.CurrentManagedThreadId * 0x9E37_79B9_7F4A_7C15UL | 1;
        // xorshift64*: a few instructions, independent per thread, no shared state.
        t_state ^= t_state >> 12;
        t_state ^= t_state << 25;
        t_state ^= t_state >> 27;
        double uniform = ((t_state * 0x2545_F491_4F6C_DD1DUL) >> 11) * (1.0 / (1UL << 53));
        double p = 1.0 / oneIn;
        return 1 + (long)Math.Floor(Math.Log(1 - uniform) / Math.Log(1 - p));
    }
}
