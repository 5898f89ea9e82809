using System.Collections.Generic;
using MemScopeTrace.Model;
using MemScopeReports.Analysis.Patterns;

namespace MemScopeReports.Analysis;

/// <summary>Something tracked code acquired and never gave back.</summary>
public sealed record Leak(
    string Kind,
    long Subject,
    string TypeName,
    long Size,
    string? Variable,
    SiteInfo? CreatedAt,
    string Reason)
{
    /// <summary>What the leaked object owns (the stream of a leaked reader): leaked with it, not reported on their own.</summary>
    public IReadOnlyList<OwnedObject> Owns { get; init; } = System.Array.Empty<OwnedObject>();

    /// <summary>One readable line: what, which variable, where it was created.</summary>
    public string Describe() =>
        $"{Kind}: {TypeName} ({Size:N0} bytes) in '{Variable ?? "?"}' created at {CreatedAt?.Location ?? "an unknown site"}: {Reason}";

    /// <summary>The native block, GCHandle or pooled array that leaked; null for a managed object (<see cref="Subject"/> is its id).</summary>
    public NativeResource? Resource { get; init; }
}

/// <summary>
/// A misuse caught in the event stream, with the site where it happened and the site it contradicts.
/// Kind is one of <see cref="ViolationKinds"/>, which gives its severity (an error or a warning).
/// </summary>
public sealed record Violation(
    string Kind,
    FindingSeverity Severity,
    string Message,
    long Subject,
    string TypeName,
    string? Variable,
    SiteInfo? Site,
    SiteInfo? RelatedSite,
    int Thread,
    long Timestamp)
{
    /// <summary>
    /// The native block, GCHandle or pooled array the violation is about, when tracked code acquired it (a double free
    /// names the block freed first; a freed pointer passed to native code, the block it pointed to).
    /// </summary>
    public NativeResource? Resource { get; init; }
}

public enum BlockStatus
{
    Live,
    Released,
    Moved,
}

/// <summary>A native block, GCHandle or pooled array: acquired at one site, perhaps released at another.</summary>
public sealed class NativeResource
{
    public NativeResource(string kind, long key, long size, SiteInfo site, long acquiredAt, int thread)
    {
        Kind = kind;
        Key = key;
        Size = size;
        AcquiredSite = site;
        AcquiredAt = acquiredAt;
        Thread = thread;
    }

    public string Kind { get; }
    public long Key { get; }
    public long Size { get; }
    public SiteInfo AcquiredSite { get; }
    public long AcquiredAt { get; }
    public int Thread { get; }
    public BlockStatus Status { get; internal set; } = BlockStatus.Live;
    public SiteInfo? ReleasedSite { get; internal set; }
    public long? ReleasedAt { get; internal set; }
    public string? Variable => AcquiredSite.Name;
    public string Api => AcquiredSite.DeclaredType ?? Kind;

    /// <summary>At most this many P/Invoke calls are kept per resource; <see cref="CallsNotKept"/> counts the rest.</summary>
    public const int MaxCallsKept = 200;

    private List<ResourceStep>? _steps;
    private int _callsKept;

    /// <summary>
    /// What happened to the resource, in order: acquired, each release attempt (a stopped double free included),
    /// a reallocation, and the P/Invoke calls it was passed to (before or after its release).
    /// </summary>
    public IReadOnlyList<ResourceStep> Steps => _steps is { } steps ? steps : System.Array.Empty<ResourceStep>();

    /// <summary>P/Invoke calls that received the live resource beyond the first <see cref="MaxCallsKept"/>.</summary>
    public int CallsNotKept { get; private set; }

    internal void AddStep(ResourceStep step)
    {
        // Calls after the release are violations: always kept.
        if (step.Kind == ResourceStepKind.PassedToNative)
        {
            if (_callsKept == MaxCallsKept)
            {
                CallsNotKept++;
                return;
            }
            _callsKept++;
        }
        (_steps ??= new List<ResourceStep>(2)).Add(step);
    }
}

/// <summary>What a step in a native resource's life was.</summary>
public enum ResourceStepKind
{
    /// <summary>Allocated, GCHandle.Alloc'ed or rented.</summary>
    Acquired,
    /// <summary>Freed or returned.</summary>
    Released,
    /// <summary>Freed or returned again: a double free, which the shim stopped before it reached the allocator.</summary>
    ReleasedAgain,
    /// <summary>Reallocated: the block moved to the address in <see cref="ResourceStep.Value"/>.</summary>
    Moved,
    /// <summary>Passed to a P/Invoke call while it was live; <see cref="ResourceStep.Value"/> is the argument's index.</summary>
    PassedToNative,
    /// <summary>Passed to a P/Invoke call after its release (a violation); <see cref="ResourceStep.Value"/> is the argument's index.</summary>
    PassedAfterRelease,
}

/// <summary>One step of a native resource's life: what, when, on which thread, at which site (for a call, the call's site).</summary>
public sealed record ResourceStep(ResourceStepKind Kind, long Timestamp, int Thread, SiteInfo? Site, long Value = 0);

/// <summary>A SafeHandle (or another tracked object) passed to a P/Invoke call.</summary>
public sealed record NativeCallArgument(long ObjectId, SiteInfo Call, long Timestamp, int Thread, int Argument, bool AfterClose);

/// <summary>One P/Invoke call site with its calls aggregated.</summary>
public sealed class PInvokeSite
{
    public PInvokeSite(SiteInfo site) => Site = site;

    public SiteInfo Site { get; }
    public int Calls { get; internal set; }
    public long TotalTicks { get; internal set; }
    public long MaxTicks { get; internal set; }
    public int PointerArguments { get; internal set; }
    public int HandleArguments { get; internal set; }
    public HashSet<int> Threads { get; } = new();
}

/// <summary>A SafeHandle's refcount over time: .NET's Rc/Arc strong count.</summary>
public sealed class HandleTimeline
{
    public HandleTimeline(long objectId, long rawHandle, SiteInfo? openedAt)
    {
        ObjectId = objectId;
        RawHandle = rawHandle;
        OpenedAt = openedAt;
    }

    public long ObjectId { get; }
    public long RawHandle { get; }
    public SiteInfo? OpenedAt { get; }
    public SiteInfo? ClosedAt { get; internal set; }
    public List<(string Kind, long Timestamp, int Count, SiteInfo? Site)> Steps { get; } = new();
}

/// <summary>Everything the lifecycle analysis found in one recording.</summary>
public sealed class LifecycleReport
{
    public List<TrackedObject> Objects { get; init; } = new();

    /// <summary><see cref="Objects"/> by id, built once by the analysis and shared by everything that reads the report.</summary>
    internal Dictionary<long, TrackedObject> ObjectsById { get; init; } = new();
    public List<Leak> Leaks { get; } = new();
    public List<Violation> Violations { get; } = new();
    public List<NativeResource> NativeBlocks { get; } = new();
    public List<NativeResource> GcHandles { get; } = new();
    public List<NativeResource> PoolRents { get; } = new();
    public List<PInvokeSite> PInvokeSites { get; } = new();
    public List<HandleTimeline> Handles { get; } = new();

    /// <summary>Each SafeHandle passed to a P/Invoke call, in order (at most <see cref="NativeResource.MaxCallsKept"/> per handle).</summary>
    public List<NativeCallArgument> HandleArguments { get; } = new();
}

/// <summary>An object owned by a leaked one: its type, size and where it was created.</summary>
public sealed record OwnedObject(long Subject, string TypeName, long Size, SiteInfo? CreatedAt);
