using System;
using System.Collections.Concurrent;
using System.Threading;
using MemScopeRuntime.Capture;
using MemScopeTrace.Model;

namespace MemScopeRuntime.Guards;

/// <summary>
/// Which native addresses (or GCHandles) tracked code holds, and which it freed: the online state a shim
/// needs to stop a double free before it reaches the allocator. ConcurrentDictionary's striped locks are
/// held only inside its own operations; nothing calls out while holding one, so it cannot deadlock.
/// </summary>
internal sealed class NativeRegistry
{
    private const long Freed = -1;

    // Per address: its size while live, Freed once freed (kept, so a second free is recognised).
    private readonly ConcurrentDictionary<nint, long> _blocks = new();
    private long _liveBytes;

    public static readonly NativeRegistry Memory = new();
    public static readonly NativeRegistry Handles = new();

    /// <summary>Bytes of the blocks tracked code holds now: the live view's native-bytes counter.</summary>
    public long LiveBytes => Interlocked.Read(ref _liveBytes);

    public void Allocated(nint address, long bytes = 0)
    {
        if (address == 0)
            return;
        bytes = Math.Max(0, bytes);
        _blocks[address] = bytes;
        Interlocked.Add(ref _liveBytes, bytes);
    }

    /// <summary>Marks the address freed and says what the free found; a double free must not reach the allocator.</summary>
    public FreeOutcome Free(nint address)
    {
        if (!_blocks.TryGetValue(address, out long size))
            return FreeOutcome.Unknown;
        if (size == Freed || !_blocks.TryUpdate(address, Freed, size))
            return FreeOutcome.DoubleFree;
        Interlocked.Add(ref _liveBytes, -size);
        return FreeOutcome.Released;
    }

    /// <summary>True when tracked code allocated this address and has freed it since.</summary>
    public bool IsFreed(nint address) => _blocks.TryGetValue(address, out long size) && size == Freed;
}
