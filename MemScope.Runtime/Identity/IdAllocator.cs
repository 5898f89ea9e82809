using System.Runtime.CompilerServices;
using System.Threading;
using MemScopeRuntime.Capture;

namespace MemScopeRuntime.Identity;

/// <summary>Hands out object ids from per-thread blocks, so a new id costs one interlocked operation per 4096 objects.</summary>
internal static class IdAllocator
{
    private const long BlockSize = 4096;
    private static long s_nextBlock;

    public static long Next() => Next(Recorder.ThisThread);

    /// <summary>The next id of the calling thread's block; <paramref name="thisThread"/> is its log.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Next(ThreadLog thisThread)
    {
        if (thisThread.NextId == thisThread.IdLimit)
            NextBlock(thisThread);
        return thisThread.NextId++;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void NextBlock(ThreadLog thisThread)
    {
        long end = Interlocked.Add(ref s_nextBlock, BlockSize);
        thisThread.NextId = end - BlockSize + 1; // ids start at 1: 0 means "no object"
        thisThread.IdLimit = end + 1;
    }
}
