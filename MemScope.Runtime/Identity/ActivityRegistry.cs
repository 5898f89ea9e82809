using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using MemScopeRuntime.Capture;
using MemScopeTrace.Model;

namespace MemScopeRuntime.Identity;

/// <summary>
/// Attributes events to the current Activity: each thread records an ActivityChange event when the Activity it
/// runs under differs from the last one it recorded, so every later event of that thread belongs to it until the
/// next change. Costs one AsyncLocal read and a reference comparison per tracked allocation or store.
/// </summary>
internal static class ActivityRegistry
{
    private static readonly ConditionalWeakTable<Activity, StrongBox<long>> s_ids = new();
    private static readonly AppendOnlyList<ActivityInfo> s_activities = new();
    private static long s_next;

    /// <summary>A service starts an Activity per request: past this many, the rest share one entry, so the registry stays bounded.</summary>
    public const int MaxActivities = 100_000;
    private const long Overflow = MaxActivities + 1;
    private static int s_overflowDescribed;

    [System.ThreadStatic] private static Activity? t_last;

    // Reading Activity.Current costs an async-local lookup on every tracked allocation; a program that never runs under
    // an Activity pays one static read instead. Set for good when any thread's Activity becomes non-null.
    private static int s_anyActivity = WatchForActivities();

    private static int WatchForActivities()
    {
        Activity.CurrentChanged += (_, change) =>
        {
            if (change.Current is not null)
                Volatile.Write(ref s_anyActivity, 1);
        };
        return Activity.Current is null ? 0 : 1;
    }

    public static void NoteCurrent(int site)
    {
        if (Volatile.Read(ref s_anyActivity) == 0)
            return;
        var current = Activity.Current;
        if (ReferenceEquals(current, t_last))
            return;
        t_last = current;
        Recorder.Append(EventKind.ActivityChange, site, current is null ? 0 : IdOf(current), 0);
    }

    public static List<ActivityInfo> Snapshot() => s_activities.Snapshot();

    private static long IdOf(Activity activity)
    {
        if (s_ids.TryGetValue(activity, out var known))
            return known.Value;
        var box = s_ids.GetValue(activity, static _ => new StrongBox<long>(0));
        // Only the thread that sets the id from 0 describes the activity: exactly one entry per activity.
        if (Interlocked.CompareExchange(ref box.Value, -1, 0) == 0)
        {
            long id = Interlocked.Increment(ref s_next);
            if (id <= MaxActivities)
            {
                s_activities.Add(new ActivityInfo(id, activity.OperationName, NullIfEmpty(activity.TraceId.ToHexString()), NullIfEmpty(activity.SpanId.ToHexString()), activity.ParentSpanId == default ? null : activity.ParentSpanId.ToHexString()));
            }
            else
            {
                id = Overflow;
                if (Interlocked.Exchange(ref s_overflowDescribed, 1) == 0)
                    s_activities.Add(new ActivityInfo(Overflow, $"(activities after the first {MaxActivities:N0})", null, null, null));
            }
            Volatile.Write(ref box.Value, id);
        }
        long value;
        while ((value = Volatile.Read(ref box.Value)) < 0)
            Thread.SpinWait(1); // another thread is describing it right now: a few instructions away
        return value;
    }

    private static string? NullIfEmpty(string text) => text.Trim('0').Length == 0 ? null : text;
}
