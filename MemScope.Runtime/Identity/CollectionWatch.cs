using System.Threading;
using MemScopeRuntime.Capture;
using MemScopeTrace.Model;

namespace MemScopeRuntime.Identity;

/// <summary>
/// Decides whose collection MemScope watches. Watching costs a ConditionalWeakTable entry and a finalizable sentinel
/// (hundreds of ns), ten times an event, so it is kept for what needs it: disposables and SafeHandles always, every
/// object inside a leak scope, the first <see cref="RuntimeSettings.ExactWatchPerSite"/> objects of each site, and
/// past that one object in <see cref="RuntimeSettings.WatchOneIn"/>, which then stands for that many in the reports.
/// </summary>
internal static class CollectionWatch
{
    private static readonly int s_oneIn = RuntimeSettings.WatchOneIn;
    private static int s_leakScopes;

    /// <summary>The live weight (see <see cref="IdentityValue.LiveWeight"/>) for the next object of <paramref name="site"/>.</summary>
    public static int WeightFor(SiteType site) => WeightFor(site, Recorder.ThisThread);

    /// <summary>As <see cref="WeightFor(SiteType)"/>, for the calling thread, whose log the caller holds.</summary>
    public static int WeightFor(SiteType site, ThreadLog thisThread)
    {
        if (site.LifecycleMatters || s_oneIn == 1 || Volatile.Read(ref s_leakScopes) > 0)
            return 1;
        // Read before writing: past the exact phase the counter is never written again, so threads allocating at one
        // site do not fight over its cache line, and it cannot overflow.
        if (site.Seen < RuntimeSettings.ExactWatchPerSite)
        {
            site.Seen++;
            return 1;
        }
        return thisThread.WatchSampler.Take(s_oneIn) ? s_oneIn : 0;
    }

    /// <summary>A leak scope asks about every object it sees: while one is open, every object is watched.</summary>
    public static void LeakScopeOpened() => Interlocked.Increment(ref s_leakScopes);

    public static void LeakScopeClosed() => Interlocked.Decrement(ref s_leakScopes);
}
