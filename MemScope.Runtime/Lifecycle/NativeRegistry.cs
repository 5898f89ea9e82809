using System.Collections.Concurrent;
using MemScopeRuntime.Recording;

namespace MemScopeRuntime.Lifecycle;

/// <summary>
/// Which native addresses (or GCHandles) tracked code holds, and which it freed: the online state a shim
/// needs to stop a double free before it reaches the allocator. ConcurrentDictionary's striped locks are
/// held only inside its own operations; nothing calls out while holding one, so it cannot deadlock.
/// </summary>
internal sealed class NativeRegistry
{
    private readonly ConcurrentDictionary<nint, bool> _live = new();

    public static readonly NativeRegistry Memory = new();
    public static readonly NativeRegistry Handles = new();

    public void Allocated(nint address)
    {
        if (address != 0)
            _live[address] = true;
    }

    /// <summary>Marks the address freed and says what the free found; a double free must not reach the allocator.</summary>
    public FreeOutcome Free(nint address)
    {
        if (_live.TryGetValue(address, out bool live))
        {
            if (live && _live.TryUpdate(address, false, true))
                return FreeOutcome.Released;
            return FreeOutcome.DoubleFree;
        }
        return FreeOutcome.Unknown;
    }

    /// <summary>True when tracked code allocated this address and has freed it since.</summary>
    public bool IsFreed(nint address) => _live.TryGetValue(address, out bool live) && !live;
}
