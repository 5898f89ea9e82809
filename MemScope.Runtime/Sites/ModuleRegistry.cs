using System.Collections.Generic;
using System.Reflection;
using System.Threading;
using MemScopeRuntime.Capture;

namespace MemScopeRuntime.Sites;

/// <summary>
/// Woven assemblies register here once (from an injected static constructor) and receive the first
/// global site id of their range; the woven code adds it to each local site id.
/// </summary>
internal static class ModuleRegistry
{
    private static readonly AppendOnlyList<RegisteredModule> s_modules = new();
    private static int s_nextSite = 1; // 0 means "no site"

    public static int Register(Assembly assembly, int siteCount)
    {
        int end = Interlocked.Add(ref s_nextSite, siteCount);
        int first = end - siteCount;
        s_modules.Add(new RegisteredModule(assembly, first, siteCount));
        return first;
    }

    public static List<RegisteredModule> Snapshot() => s_modules.Snapshot();

    /// <summary>Changes whenever a module registers (with sites): a cheap way to notice one.</summary>
    public static int NextSite => Volatile.Read(ref s_nextSite);
}

internal sealed record RegisteredModule(Assembly Assembly, int FirstSite, int SiteCount);
