using System;
using System.Threading;

namespace MemScopeRuntime.Identity;

/// <summary>What MemScope needs about the type an allocation or bind site last saw, learned once per site and type.</summary>
internal sealed class SiteType
{
    public SiteType(Type type)
    {
        Type = type;
        TypeId = TypeRegistry.IdOf(type);
        BaseSize = ObjectSizes.BaseSize(type);
        LifecycleMatters = TypeDescriptions.LifecycleMatters(type);
        IsSafeHandle = typeof(System.Runtime.InteropServices.SafeHandle).IsAssignableFrom(type);
    }

    public Type Type { get; }
    public int TypeId { get; }

    /// <summary>The heap size of an instance when it does not vary (not an array or string); else 0.</summary>
    public long BaseSize { get; }

    /// <summary>Disposables and SafeHandles: their collection is always watched.</summary>
    public bool LifecycleMatters { get; }

    /// <summary>A SafeHandle also announces its raw handle (HandleOpen).</summary>
    public bool IsSafeHandle { get; }

    /// <summary>Objects this site has created: approximate under races, which only moves the switch to sampling by a few.</summary>
    public int Seen;
}

/// <summary>
/// Per-site cache of <see cref="SiteType"/>, indexed by the global site id. A lookup is an array read and a type
/// comparison; a miss (first object of a site, or a site that sees several types) learns the type on the side.
/// </summary>
internal static class SiteTypes
{
    private static SiteType?[] s_bySite = new SiteType?[1024];

    public static SiteType Of(object obj, int site)
    {
        var table = Volatile.Read(ref s_bySite);
        var type = obj.GetType();
        if ((uint)site < (uint)table.Length && table[site] is { } known && known.Type == type)
            return known;
        return Learn(type, site);
    }

    private static SiteType Learn(Type type, int site)
    {
        var learned = new SiteType(type);
        if (site < 0)
            return learned;
        while (true)
        {
            var table = Volatile.Read(ref s_bySite);
            if (site < table.Length)
            {
                // A racing writer may win the slot or grow the table under us: the entry is then learned again later.
                table[site] = learned;
                return learned;
            }
            var grown = new SiteType?[Math.Max(site + 1, table.Length * 2)];
            Array.Copy(table, grown, table.Length);
            Interlocked.CompareExchange(ref s_bySite, grown, table);
        }
    }
}
