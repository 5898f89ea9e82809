using System;
using System.Collections.Concurrent;

namespace MemScopeRuntime.Guards;

/// <summary>Which runtime types record their own disposal (the weaver marks them with <see cref="RecordsDisposalAttribute"/>).</summary>
internal static class WovenTypes
{
    private static readonly ConcurrentDictionary<Type, bool> s_cache = new();

    public static bool RecordsOwnDisposal(Type type) =>
        s_cache.TryGetValue(type, out bool records) ? records : s_cache.GetOrAdd(type, static t => HasMarker(t));

    private static bool HasMarker(Type? type)
    {
        // Dispose may be inherited from a woven base class.
        for (; type is not null; type = type.BaseType)
        {
            if (type.IsDefined(typeof(RecordsDisposalAttribute), inherit: false))
                return true;
        }
        return false;
    }
}
