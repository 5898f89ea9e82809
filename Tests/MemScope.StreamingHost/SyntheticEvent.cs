using MemScopeRuntime.Capture;
using MemScopeTrace.Model;

namespace MemScopeStreamingHost;

/// <summary>
/// The events the scenarios record: thread t appends ids 1, 2, 3… at site t, with a value derived from both,
/// so that a torn event (fields of two different writes) or a duplicate is visible in what comes back.
/// </summary>
internal static class SyntheticEvent
{
    public static void Append(int site, long id) => Recorder.Append(EventKind.Alloc, site, id, ValueOf(site, id));

    public static bool IsWhole(in RecordedEvent e) => e.Kind == EventKind.Alloc && e.Value == ValueOf(e.Site, e.ObjectId);

    private static long ValueOf(int site, long id) => id * 31 + site;
}
