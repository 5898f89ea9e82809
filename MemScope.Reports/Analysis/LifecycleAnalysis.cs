using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using MemScopeTrace.Model;

namespace MemScopeReports.Analysis;

/// <summary>
/// Leaks and safety violations, computed offline from the event stream: disposables, SafeHandles,
/// native blocks, GCHandles, pooled arrays and P/Invoke calls.
/// </summary>
public sealed class LifecycleAnalysis
{
    private readonly Recording _recording;
    private readonly LifecycleReport _report;
    private readonly Dictionary<long, TrackedObject> _objects;
    private readonly Dictionary<long, (SiteInfo? Site, long Timestamp)> _disposedAt = new();
    private readonly Dictionary<long, NativeResource> _liveBlocks = new();
    private readonly Dictionary<long, NativeResource> _freedBlocks = new();
    private readonly Dictionary<long, NativeResource> _liveHandles = new();
    private readonly Dictionary<long, NativeResource> _freedHandles = new();
    private readonly Dictionary<long, NativeResource> _rentedArrays = new();
    private readonly Dictionary<long, NativeResource> _returnedArrays = new();
    private readonly Dictionary<long, int> _handleArgumentsKept = new();
    private readonly Dictionary<long, HandleTimeline> _handles = new();
    private readonly Dictionary<int, PInvokeSite> _pinvokeSites = new();
    private readonly Dictionary<long, (long PreviousId, SiteInfo Site)> _overwrittenWhileUndisposed = new();

    private LifecycleAnalysis(Recording recording)
    {
        _recording = recording;
        var objects = ObjectTimelines.Build(recording, out _objects);
        _report = new LifecycleReport { Objects = objects, ObjectsById = _objects };
    }

    public static LifecycleReport Analyze(Recording recording)
    {
        var analysis = new LifecycleAnalysis(recording);
        analysis.Run();
        return analysis._report;
    }

    private SiteInfo? Site(int id) => id == 0 ? null : _recording.Sites[id];

    private void Run()
    {
        foreach (var e in EventArray.Of(_recording))
        {
            switch (e.Kind)
            {
                case EventKind.Dispose:
                case EventKind.HandleClose:
                    _disposedAt.TryAdd(e.ObjectId, (Site(e.Site), e.Timestamp));
                    if (e.Kind == EventKind.HandleClose)
                        HandleStep(e, "close", 0);
                    break;
                case EventKind.DisposeAgain:
                    AddObjectViolation(ViolationKinds.DoubleDispose, e, "disposed a second time; first disposed", _disposedAt.GetValueOrDefault(e.ObjectId).Site);
                    break;
                case EventKind.UseAfterDispose:
                    AddObjectViolation(ViolationKinds.UseAfterDispose, e, $"{Site(e.Site)?.Name ?? "a member"} called after Dispose at", _disposedAt.GetValueOrDefault(e.ObjectId).Site);
                    break;
                case EventKind.HandleUseClosed:
                    AddObjectViolation(ViolationKinds.UseOfClosedHandle, e, $"{Site(e.Site)?.Name ?? "a member"} called on a handle closed at", _disposedAt.GetValueOrDefault(e.ObjectId).Site);
                    break;
                case EventKind.HandleOpen:
                    _handles.TryAdd(e.ObjectId, new HandleTimeline(e.ObjectId, e.Value, Site(e.Site)));
                    HandleStep(e, "open", 0);
                    break;
                case EventKind.HandleAddRef:
                    HandleStep(e, "addRef", +1);
                    break;
                case EventKind.HandleRelease:
                    HandleStep(e, "release", -1);
                    break;
                case EventKind.HandleSetInvalid:
                    HandleStep(e, "setInvalid", 0);
                    break;
                case EventKind.HandleGet:
                    HandleStep(e, "getHandle", 0);
                    break;
                case EventKind.Bind when e.Value != 0:
                    NoteOverwrite(e);
                    break;
                case EventKind.NativeAlloc:
                    Acquire(_report.NativeBlocks, _liveBlocks, _freedBlocks, "nativeBlock", e, e.Value);
                    break;
                case EventKind.NativeRealloc:
                    if (_liveBlocks.Remove(e.ObjectId, out var moved))
                    {
                        moved.Status = BlockStatus.Moved;
                        moved.ReleasedSite = Site(e.Site);
                        moved.ReleasedAt = e.Timestamp;
                        moved.AddStep(new ResourceStep(ResourceStepKind.Moved, e.Timestamp, e.ThreadId, Site(e.Site), e.Value));
                    }
                    break;
                case EventKind.NativeFree:
                    Release(_liveBlocks, _freedBlocks, e, "native block", ViolationKinds.DoubleFree, ViolationKinds.FreeOfUnknownPointer);
                    break;
                case EventKind.PinAlloc:
                    Acquire(_report.GcHandles, _liveHandles, _freedHandles, ((GCHandleType)e.Value).ToString(), e, 0);
                    break;
                case EventKind.PinFree:
                    Release(_liveHandles, _freedHandles, e, "GCHandle", ViolationKinds.DoubleFree, ViolationKinds.FreeOfUnknownPointer);
                    break;
                case EventKind.PoolRent:
                    var rent = new NativeResource("poolArray", e.ObjectId, e.Value, Site(e.Site) ?? SiteInfo.Unknown(e.Site), e.Timestamp, e.ThreadId);
                    rent.AddStep(new ResourceStep(ResourceStepKind.Acquired, e.Timestamp, e.ThreadId, rent.AcquiredSite));
                    _report.PoolRents.Add(rent);
                    _rentedArrays[e.ObjectId] = rent;
                    _returnedArrays.Remove(e.ObjectId); // the pool handed the array out again
                    break;
                case EventKind.PoolReturn:
                    if (_rentedArrays.Remove(e.ObjectId, out var rented))
                    {
                        rented.Status = BlockStatus.Released;
                        rented.ReleasedSite = Site(e.Site);
                        rented.ReleasedAt = e.Timestamp;
                        rented.AddStep(new ResourceStep(ResourceStepKind.Released, e.Timestamp, e.ThreadId, Site(e.Site)));
                        _returnedArrays[e.ObjectId] = rented;
                    }
                    else
                    {
                        _returnedArrays.TryGetValue(e.ObjectId, out var returned);
                        returned?.AddStep(new ResourceStep(ResourceStepKind.ReleasedAgain, e.Timestamp, e.ThreadId, Site(e.Site)));
                        AddViolation(ViolationKinds.DoubleReturn, "array returned to the pool but not rented by tracked code, or returned twice", e.ObjectId, "array",
                            returned?.Variable, Site(e.Site), returned?.ReleasedSite, e, returned);
                    }
                    break;
                case EventKind.PInvokeEnter:
                    PInvokeSiteOf(e).Calls++;
                    PInvokeSiteOf(e).Threads.Add(e.ThreadId);
                    break;
                case EventKind.PInvokeExit:
                    var call = PInvokeSiteOf(e);
                    call.TotalTicks += e.Value;
                    call.MaxTicks = Math.Max(call.MaxTicks, e.Value);
                    break;
                case EventKind.PInvokeArg:
                    Argument(e);
                    break;
            }
        }
        FindLeaks();
    }

    private PInvokeSite PInvokeSiteOf(RecordedEvent e)
    {
        if (!_pinvokeSites.TryGetValue(e.Site, out var site))
        {
            _pinvokeSites[e.Site] = site = new PInvokeSite(Site(e.Site) ?? SiteInfo.Unknown(e.Site));
            _report.PInvokeSites.Add(site);
        }
        return site;
    }

    private void Argument(RecordedEvent e)
    {
        var call = PInvokeSiteOf(e);
        bool isHandle = (e.Value & PInvokeArgument.IsHandle) != 0;
        int index = PInvokeArgument.Index(e.Value);
        if (isHandle)
        {
            call.HandleArguments++;
            int kept = _handleArgumentsKept.GetValueOrDefault(e.ObjectId);
            if (kept < NativeResource.MaxCallsKept)
            {
                _handleArgumentsKept[e.ObjectId] = kept + 1;
                _report.HandleArguments.Add(new NativeCallArgument(e.ObjectId, call.Site, e.Timestamp, e.ThreadId, index, (e.Value & PInvokeArgument.ClosedHandle) != 0));
            }
        }
        else
        {
            call.PointerArguments++;
        }

        if ((e.Value & PInvokeArgument.FreedPointer) != 0)
        {
            var freed = _freedBlocks.GetValueOrDefault(e.ObjectId);
            freed?.AddStep(new ResourceStep(ResourceStepKind.PassedAfterRelease, e.Timestamp, e.ThreadId, call.Site, index));
            AddViolation(ViolationKinds.FreedPointerPassedToNative,
                $"native block 0x{e.ObjectId:x} passed to {call.Site.Name} (argument {index}) after it was freed at {freed?.ReleasedSite?.Location ?? "?"}",
                e.ObjectId, freed?.Api ?? "native block", freed?.Variable, call.Site, freed?.ReleasedSite, e, freed);
        }
        else if (!isHandle && (_liveBlocks.GetValueOrDefault(e.ObjectId) ?? _liveHandles.GetValueOrDefault(e.ObjectId)) is { } live)
        {
            live.AddStep(new ResourceStep(ResourceStepKind.PassedToNative, e.Timestamp, e.ThreadId, call.Site, index));
        }
        if ((e.Value & PInvokeArgument.ClosedHandle) != 0)
            AddObjectViolation(ViolationKinds.UseOfClosedHandle, e, $"handle passed to {call.Site.Name} after it was closed at", _disposedAt.GetValueOrDefault(e.ObjectId).Site);
    }

    private void Acquire(List<NativeResource> all, Dictionary<long, NativeResource> live, Dictionary<long, NativeResource> freed, string kind, RecordedEvent e, long size)
    {
        var resource = new NativeResource(kind, e.ObjectId, size, Site(e.Site) ?? SiteInfo.Unknown(e.Site), e.Timestamp, e.ThreadId);
        resource.AddStep(new ResourceStep(ResourceStepKind.Acquired, e.Timestamp, e.ThreadId, resource.AcquiredSite));
        all.Add(resource);
        live[e.ObjectId] = resource;
        freed.Remove(e.ObjectId); // the address was reused
    }

    private void Release(Dictionary<long, NativeResource> live, Dictionary<long, NativeResource> freed, RecordedEvent e, string what, string doubleKind, string unknownKind)
    {
        var site = Site(e.Site);
        switch ((FreeOutcome)e.Value)
        {
            case FreeOutcome.Released:
                if (live.Remove(e.ObjectId, out var resource))
                {
                    resource.Status = BlockStatus.Released;
                    resource.ReleasedSite = site;
                    resource.ReleasedAt = e.Timestamp;
                    resource.AddStep(new ResourceStep(ResourceStepKind.Released, e.Timestamp, e.ThreadId, site));
                    freed[e.ObjectId] = resource;
                }
                break;
            case FreeOutcome.DoubleFree:
                var first = freed.GetValueOrDefault(e.ObjectId);
                first?.AddStep(new ResourceStep(ResourceStepKind.ReleasedAgain, e.Timestamp, e.ThreadId, site));
                AddViolation(doubleKind,
                    $"{what} 0x{e.ObjectId:x} freed again (stopped before the allocator); first freed at {first?.ReleasedSite?.Location ?? "?"}",
                    e.ObjectId, first?.Api ?? what, first?.Variable ?? site?.Name, site, first?.ReleasedSite, e, first);
                break;
            case FreeOutcome.Unknown:
                AddViolation(unknownKind,
                    $"{what} 0x{e.ObjectId:x} freed but never allocated by tracked code (allocated elsewhere, or a stray pointer)",
                    e.ObjectId, what, site?.Name, site, null, e);
                break;
        }
    }

    private void HandleStep(RecordedEvent e, string kind, int delta)
    {
        if (!_handles.TryGetValue(e.ObjectId, out var timeline))
            _handles[e.ObjectId] = timeline = new HandleTimeline(e.ObjectId, 0, Site(e.Site));
        int count = (timeline.Steps.Count > 0 ? timeline.Steps[^1].Count : 0) + delta;
        timeline.Steps.Add((kind, e.Timestamp, count, Site(e.Site)));
        if (kind == "close")
            timeline.ClosedAt = Site(e.Site);
        if (count < 0 && delta < 0)
            AddObjectViolation(ViolationKinds.RefcountBelowZero, e, "DangerousRelease without a matching DangerousAddRef; the handle was opened at", timeline.OpenedAt);
    }

    /// <summary>A field overwritten while it held an undisposed disposable: a leak if nothing disposes it later.</summary>
    private void NoteOverwrite(RecordedEvent e)
    {
        var site = Site(e.Site);
        if (site?.Kind != SiteKind.Field || e.Value == e.ObjectId || !_objects.TryGetValue(e.Value, out var previous))
            return;
        if (IsDisposable(previous) && !_disposedAt.ContainsKey(previous.Id))
            _overwrittenWhileUndisposed[previous.Id] = (previous.Id, site);
    }

    private void FindLeaks()
    {
        foreach (var obj in _report.Objects)
        {
            if (obj.AllocSite is null || !IsDisposable(obj) || _disposedAt.ContainsKey(obj.Id))
                continue;
            // Disposed with its owner, or leaked with it and listed under the owner's leak.
            if (obj.Owner is not null)
                continue;
            // Held by a static field at exit: alive for the life of the program by design, not lost.
            if (obj.Holdings.Count > 0 && obj.Holdings[^1] is { EndReason: HoldingEnd.StillHeld, Site.IsStatic: true })
                continue;
            bool isHandle = _recording.Type(obj.TypeId).IsSafeHandle;
            string kind = isHandle ? "safeHandle" : _overwrittenWhileUndisposed.ContainsKey(obj.Id) ? "overwrittenUndisposed" : "undisposed";
            string reason = _overwrittenWhileUndisposed.TryGetValue(obj.Id, out var overwrite)
                ? $"field {overwrite.Site.Name} overwritten at {overwrite.Site.Location} while it held this undisposed object"
                : obj.IsLive ? (isHandle ? "handle never closed (still open at export)" : "never disposed (still alive at export)")
                : (isHandle ? "handle never closed; left to the finalizer" : "collected without Dispose");
            _report.Leaks.Add(new Leak(kind, obj.Id, obj.TypeName, obj.Size, obj.LastVariable, obj.AllocSite, reason)
            {
                Owns = obj.Owned.Select(o => new OwnedObject(o.Id, o.TypeName, o.Size, o.AllocSite)).ToList(),
            });
        }
        AddReferencesLeftAtClose();
        AddResourceLeaks(_liveBlocks.Values, "nativeBlock", "native block never freed");
        AddResourceLeaks(_liveHandles.Values, "gcHandle", "GCHandle never freed");
        AddResourceLeaks(_rentedArrays.Values, "poolArray", "array never returned to its pool");
        _report.Handles.AddRange(_handles.Values);
    }

    /// <summary>
    /// A SafeHandle closed while a DangerousAddRef was not yet released: the handle only releases its resource when the
    /// last reference goes, so ReleaseHandle never runs and the native resource leaks. Named at the unreleased AddRef.
    /// </summary>
    private void AddReferencesLeftAtClose()
    {
        foreach (var timeline in _handles.Values)
        {
            var unreleased = new Stack<SiteInfo?>();
            foreach (var (kind, _, _, site) in timeline.Steps)
            {
                if (kind == "addRef")
                    unreleased.Push(site);
                else if (kind == "release" && unreleased.Count > 0)
                    unreleased.Pop();
                else if (kind == "close" && unreleased.Count > 0)
                {
                    _objects.TryGetValue(timeline.ObjectId, out var handle);
                    _report.Leaks.Add(new Leak("handleReference", timeline.ObjectId, handle?.TypeName ?? "SafeHandle", handle?.Size ?? 0,
                        handle?.LastVariable, unreleased.Peek(),
                        $"closed at {site?.Location ?? "an unknown site"} with {unreleased.Count} DangerousAddRef not released: ReleaseHandle never runs, the native resource leaks"));
                    break;
                }
            }
        }
    }

    private void AddResourceLeaks(IEnumerable<NativeResource> live, string kind, string reason)
    {
        foreach (var resource in live.OrderBy(r => r.AcquiredAt))
        {
            string typeName = kind == "poolArray" && _objects.TryGetValue(resource.Key, out var array) ? array.TypeName : resource.Api;
            string? variable = resource.Variable ?? (_objects.TryGetValue(resource.Key, out var held) ? held.LastVariable : null);
            _report.Leaks.Add(new Leak(kind, resource.Key, typeName, resource.Size, variable, resource.AcquiredSite, reason) { Resource = resource });
        }
    }

    private void AddObjectViolation(string kind, RecordedEvent e, string message, SiteInfo? related)
    {
        _objects.TryGetValue(e.ObjectId, out var obj);
        string what = obj?.TypeName ?? "object";
        AddViolation(kind, $"{what} '{obj?.LastVariable ?? "?"}': {message} {related?.Location ?? "an unknown site"}".TrimEnd(),
            e.ObjectId, what, obj?.LastVariable, Site(e.Site), related, e);
    }

    private void AddViolation(string kind, string message, long subject, string typeName, string? variable, SiteInfo? site, SiteInfo? related, RecordedEvent e, NativeResource? resource = null) =>
        _report.Violations.Add(new Violation(kind, ViolationKinds.SeverityOf(kind), message, subject, typeName, variable, site, related, e.ThreadId, e.Timestamp) { Resource = resource });

    private bool IsDisposable(TrackedObject obj) => _recording.Type(obj.TypeId).IsDisposable;
}
