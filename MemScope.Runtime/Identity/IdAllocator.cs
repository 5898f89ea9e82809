using System.Threading;

namespace MemScopeRuntime.Identity;

/// <summary>Hands out object ids from per-thread blocks, so a new id costs one interlocked operation per 4096 objects.</summary>
internal static class IdAllocator
{
    private const long BlockSize = 4096;
    private static long s_nextBlock;

    [System.ThreadStatic] private static long t_next;
    [System.ThreadStatic] private static long t_limit;

    public static long Next()
    {
        if (t_next == t_limit)
        {
            long end = Interlocked.Add(ref s_nextBlock, BlockSize);
            t_next = end - BlockSize + 1; // ids start at 1: 0 means "no object"
            t_limit = end + 1;
        }
        return t_next++;
    }
}
