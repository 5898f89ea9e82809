namespace MemScopeReports.Analysis.Patterns;

/// <summary>
/// Thresholds of the pattern analysis. Each is written into the report next to what it decided,
/// so a reader can tell why something was (or was not) reported.
/// </summary>
public sealed record PatternOptions
{
    public static PatternOptions Default { get; } = new();

    /// <summary>An object collected within this many milliseconds of its allocation counts as short-lived.</summary>
    public double ShortLivedMilliseconds { get; init; } = 100;

    /// <summary>A site is a churn site when at least this many of its objects were short-lived.</summary>
    public int ChurnMinObjects { get; init; } = 1_000;

    /// <summary>The runtime puts objects of at least 85,000 bytes on the large object heap.</summary>
    public long LargeObjectBytes { get; init; } = 85_000;

    /// <summary>Growth needs this many points (allocations and collections) before a slope means anything.</summary>
    public int GrowthMinPoints { get; init; } = 8;

    /// <summary>Growth must fit a line this well (R², 0..1): a saw-tooth of churn is not growth.</summary>
    public double GrowthMinFit { get; init; } = 0.8;

    /// <summary>Growth must add at least this many bytes over its window (slope × duration).</summary>
    public long GrowthMinBytes { get; init; } = 256 * 1024;

    /// <summary>Gen2 pressure needs at least this many gen2 collections in the sampled window...</summary>
    public int Gen2MinCollections { get; init; } = 3;

    /// <summary>...making up at least this share of all collections (a healthy app's gen2s are rare).</summary>
    public double Gen2MinShare { get; init; } = 0.1;

    /// <summary>A pinned GCHandle held at least this long hinders compaction enough to report.</summary>
    public double LongPinMilliseconds { get; init; } = 100;

    /// <summary>P/Invoke time is reported when it is at least this share of the recorded span.</summary>
    public double PInvokeMinShareOfRecording { get; init; } = 0.1;

    /// <summary>A delegate field stored this many times and never cleared is a possible handler leak.</summary>
    public int HandlerMinStores { get; init; } = 3;

    /// <summary>How many findings the diagnosis keeps.</summary>
    public int MaxFindings { get; init; } = 10;
}
