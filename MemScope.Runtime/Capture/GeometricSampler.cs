using System;

namespace MemScopeRuntime.Capture;

/// <summary>
/// Says yes about once in N calls: it counts down a random gap drawn from the geometric distribution of mean N, so
/// every call has the same 1/N chance (unbiased totals once scaled by N) and no periodic pattern in the program can
/// alias with the sampling. One decrement per call; keep one per thread (a [ThreadStatic] field), never shared.
/// </summary>
internal struct GeometricSampler
{
    private long _untilNext;
    private ulong _state;

    public bool Take(int oneIn)
    {
        if (oneIn <= 1)
            return true;
        if (--_untilNext > 0)
            return false;
        _untilNext = NextGap(oneIn);
        return true;
    }

    private long NextGap(int oneIn)
    {
        if (_state == 0)
            _state = (ulong)Environment.CurrentManagedThreadId * 0x9E37_79B9_7F4A_7C15UL | 1;
        // xorshift64*: a few instructions, independent per thread, no shared state.
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        double uniform = ((_state * 0x2545_F491_4F6C_DD1DUL) >> 11) * (1.0 / (1UL << 53));
        double p = 1.0 / oneIn;
        return 1 + (long)Math.Floor(Math.Log(1 - uniform) / Math.Log(1 - p));
    }
}
