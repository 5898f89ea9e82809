using System.Threading;

namespace MemScopeRuntime.Live;

/// <summary>
/// The few running totals the live view reports that the event stream cannot answer cheaply. Each changes once
/// per object or per violation (never per event), with one interlocked add.
/// </summary>
internal static class LiveCounters
{
    private static long s_identified;
    private static long s_collected;
    private static long s_violations;

    public static long LiveObjects => Interlocked.Read(ref s_identified) - Interlocked.Read(ref s_collected);
    public static long Violations => Interlocked.Read(ref s_violations);

    public static void ObjectIdentified() => Interlocked.Increment(ref s_identified);

    public static void ObjectCollected() => Interlocked.Increment(ref s_collected);

    public static void ViolationSeen() => Interlocked.Increment(ref s_violations);
}
