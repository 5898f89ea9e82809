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
    long Timestamp);

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
}

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
    public List<Leak> Leaks { get; } = new();
    public List<Violation> Violations { get; } = new();
    public List<NativeResource> NativeBlocks { get; } = new();
    public List<NativeResource> GcHandles { get; } = new();
    public List<NativeResource> PoolRents { get; } = new();
    public List<PInvokeSite> PInvokeSites { get; } = new();
    public List<HandleTimeline> Handles { get; } = new();
}

/// <summary>An object owned by a leaked one: its type, size and where it was created.</summary>
public sealed record OwnedObject(long Subject, string TypeName, long Size, SiteInfo? CreatedAt);
