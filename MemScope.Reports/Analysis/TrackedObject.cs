using System.Collections.Generic;
using MemScopeTrace.Model;

namespace MemScopeReports.Analysis;

/// <summary>One object's life as the events tell it.</summary>
public sealed class TrackedObject
{
    public TrackedObject(long id) => Id = id;

    public long Id { get; }
    public string TypeName { get; internal set; } = "unknown";
    public int TypeId { get; internal set; }

    /// <summary>The object's own heap size (exact for arrays, strings and fixed-size classes), when the runtime knows it.</summary>
    public long Size { get; internal set; }
    public bool SizeKnown { get; internal set; }

    // A million objects of a long recording each carry these: kept as plain numbers, with a value no timestamp or thread
    // id takes for "none", rather than as nullable ones twice their size.
    private const long NoTime = long.MinValue;
    private const int NoThread = int.MinValue;
    private long _allocatedAt = NoTime;
    private long _collectedAt = NoTime;
    private long _disposedAt = NoTime;
    private int _allocThread = NoThread;

    public SiteInfo? AllocSite { get; internal set; }

    public long? AllocatedAt
    {
        get => _allocatedAt == NoTime ? null : _allocatedAt;
        internal set => _allocatedAt = value ?? NoTime;
    }

    public int? AllocThread
    {
        get => _allocThread == NoThread ? null : _allocThread;
        internal set => _allocThread = value ?? NoThread;
    }

    public long FirstSeenAt { get; internal set; }

    public long? CollectedAt
    {
        get => _collectedAt == NoTime ? null : _collectedAt;
        internal set => _collectedAt = value ?? NoTime;
    }

    /// <summary>When Dispose (or, for a SafeHandle, Close) first ran on the object.</summary>
    public long? DisposedAt
    {
        get => _disposedAt == NoTime ? null : _disposedAt;
        internal set => _disposedAt = value ?? NoTime;
    }

    /// <summary>The id of the Activity (<see cref="Recording.Activities"/>) the object was allocated under; 0 for none.</summary>
    public long AllocActivity { get; internal set; }

    /// <summary>The object that took ownership of this one at construction (`new StreamReader(new MemoryStream())`), if any.</summary>
    public TrackedObject? Owner { get; internal set; }

    private List<TrackedObject>? _owned;

    /// <summary>The objects this one took ownership of when it was constructed.</summary>
    public IReadOnlyList<TrackedObject> Owned => _owned is { } owned ? owned : System.Array.Empty<TrackedObject>();

    internal void Own(TrackedObject owned)
    {
        owned.Owner = this;
        (_owned ??= new List<TrackedObject>(1)).Add(owned);
    }

    private List<Holding>? _holdings;

    /// <summary>The locals and fields that held the object, in order. Most objects of a large recording have few or none: the list is made on first use.</summary>
    public IReadOnlyList<Holding> Holdings => _holdings is { } holdings ? holdings : System.Array.Empty<Holding>();

    internal void AddHolding(Holding holding) => (_holdings ??= new List<Holding>(2)).Add(holding);

    /// <summary>The name of the last variable or field that held the object (or its allocation's target).</summary>
    public string? LastVariable => Holdings.Count > 0 ? Holdings[^1].Site.Name : AllocSite?.Name;

    /// <summary>The name of the first variable or field that held the object.</summary>
    public string? FirstVariable => Holdings.Count > 0 ? Holdings[0].Site.Name : null;

    /// <summary>
    /// How the object's collection was watched: 0 not watched (whether it is alive is unknown), 1 watched, N a watched
    /// sample standing for N objects of its site (MEMSCOPE_WATCH). See <see cref="IdentityValue"/>.
    /// </summary>
    public int LiveWeight { get; internal set; } = 1;

    public bool CollectionWatched => LiveWeight > 0;

    /// <summary>Alive as far as MemScope knows: its collection is watched and has not been seen.</summary>
    public bool IsLive => CollectionWatched && _collectedAt == NoTime;

    /// <summary>The bytes the object stands for in live-memory estimates: its size times its <see cref="LiveWeight"/>.</summary>
    public long WeightedSize => Size * LiveWeight;

    /// <summary>
    /// How the objects change tracked live bytes over time: their weighted size added at allocation (or first sighting)
    /// and taken back at collection. Objects whose collection is not watched cannot count as live or as gone: they stay out.
    /// </summary>
    public static IEnumerable<(long At, long Delta)> LiveBytesChanges(IEnumerable<TrackedObject> objects)
    {
        foreach (var obj in objects)
        {
            if (obj.Size <= 0 || !obj.CollectionWatched)
                continue;
            yield return (obj.AllocatedAt ?? obj.FirstSeenAt, obj.WeightedSize);
            if (obj.CollectedAt is { } collected)
                yield return (collected, -obj.WeightedSize);
        }
    }

    /// <summary>
    /// The most locals and fields that held the object at the same moment: its shared ownership, the
    /// counterpart of Rc/Arc's strong_count.
    /// </summary>
    public int MaxHolders
    {
        get
        {
            var holdings = Holdings;
            if (holdings.Count <= 1)
                return holdings.Count;
            // Binds as +1 and releases as -1, in time order; at one tick a release comes first, so the two do not overlap.
            var changes = new (long At, int Delta)[holdings.Count * 2];
            int n = 0;
            foreach (var h in holdings)
            {
                changes[n++] = (h.BoundAt, +1);
                if (h.ReleasedAt is { } released)
                    changes[n++] = (released, -1);
            }
            System.Array.Sort(changes, 0, n);
            int current = 0, max = 0;
            for (int i = 0; i < n; i++)
                max = System.Math.Max(max, current += changes[i].Delta);
            return max;
        }
    }
}

/// <summary>A span of time during which a local or field held the object.</summary>
public sealed class Holding
{
    public Holding(SiteInfo site, long boundAt, int thread)
    {
        Site = site;
        BoundAt = boundAt;
        Thread = thread;
    }

    public SiteInfo Site { get; }
    public long BoundAt { get; }
    public int Thread { get; }

    // One holding per store of a long recording: "none" is a value no timestamp or object id takes, not a nullable field.
    private const long None = long.MinValue;
    private long _releasedAt = None;
    private long _replacedBy = None;

    /// <summary>When the holder let go: its scope ended, the field was overwritten, or the object was collected.</summary>
    public long? ReleasedAt
    {
        get => _releasedAt == None ? null : _releasedAt;
        internal set => _releasedAt = value ?? None;
    }

    public HoldingEnd EndReason { get; internal set; } = HoldingEnd.StillHeld;
    public SiteInfo? EndSite { get; internal set; }

    public long? ReplacedBy
    {
        get => _replacedBy == None ? null : _replacedBy;
        internal set => _replacedBy = value ?? None;
    }
}

public enum HoldingEnd
{
    StillHeld,
    ScopeEnded,
    Overwritten,
    Collected,
}
