using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MemScopeRuntime.Capture;
using MemScopeTrace.Model;

namespace MemScopeFodyTests;

/// <summary>The events a woven scenario recorded while it ran, with their sites resolved.</summary>
internal sealed class RecordedRun
{
    private readonly long _start;

    private RecordedRun(long start, Recording recording)
    {
        _start = start;
        Recording = recording;
    }

    public Recording Recording { get; }

    /// <summary>Only what was recorded while the scenario ran: for analyses that must not see other scenarios.</summary>
    public Recording Window => Recording.Since(_start);

    public static RecordedRun Of(Action scenario)
    {
        // Synced with the recorder's coarse clock: every event the scenario records is stamped at or after it.
        long start = CoarseClock.Sync();
        scenario();
        return new RecordedRun(start, MemScope.Snapshot());
    }

    public static async Task<RecordedRun> OfAsync(Func<Task> scenario)
    {
        long start = CoarseClock.Sync();
        await scenario();
        return new RecordedRun(start, MemScope.Snapshot());
    }

    /// <summary>Events since the scenario started whose site belongs to methods of <paramref name="methodPrefix"/>.</summary>
    public List<(RecordedEvent Event, SiteInfo Site)> In(string methodPrefix, EventKind? kind = null) =>
        Recording.Events
            .Where(e => e.Timestamp >= _start && (kind is null || e.Kind == kind))
            .Select(e => (Event: e, Site: Recording.Sites[e.Site]))
            .Where(x => x.Site is not null && x.Site.Method.StartsWith(methodPrefix, StringComparison.Ordinal))
            .Select(x => (x.Event, x.Site!))
            .ToList();

    /// <summary>Names bound (locals and fields) in the methods of <paramref name="methodPrefix"/>, in order.</summary>
    public List<string> BoundNames(string methodPrefix) =>
        In(methodPrefix, EventKind.Bind).Where(x => x.Event.ObjectId > 0).Select(x => x.Site.Name!).ToList();

    public List<string> ScopeEndedNames(string methodPrefix) =>
        In(methodPrefix, EventKind.ScopeEnd).Select(x => x.Site.Name!).ToList();

    public List<string> AllocatedTypes(string methodPrefix) =>
        In(methodPrefix, EventKind.Alloc).Select(x => x.Site.DeclaredType!).ToList();

    public string TypeOf(long objectId)
    {
        var identify = Recording.Events.First(e => e.Kind is EventKind.Identify or EventKind.Alloc && e.ObjectId == objectId);
        return Recording.TypeName(MemScopeTrace.Model.IdentityValue.Unpack(identify.Value).TypeId);
    }
}
