using System.Collections.Generic;

namespace MemScopeReports.Analysis;

/// <summary>Counts and bytes of a set of tracked objects, all and live, with the first object and variable seen.</summary>
public sealed class ObjectTotals
{
    public int Count { get; private set; }
    public long Bytes { get; private set; }
    /// <summary>Live objects and bytes, watched ones counted with their weight: exact unless collection was sampled (MEMSCOPE_WATCH).</summary>
    public long LiveCount { get; private set; }
    public long LiveBytes { get; private set; }

    /// <summary>Objects whose collection was seen.</summary>
    public int CollectedCount { get; private set; }

    /// <summary>Objects whose collection was not watched: neither live nor collected as far as the report knows.</summary>
    public int UnwatchedCount { get; private set; }
    public TrackedObject? First { get; private set; }
    public string? Variable { get; private set; }

    public static ObjectTotals Of(IEnumerable<TrackedObject> objects)
    {
        var totals = new ObjectTotals();
        foreach (var obj in objects)
            totals.Add(obj);
        return totals;
    }

    public void Add(TrackedObject obj)
    {
        First ??= obj;
        Variable ??= obj.FirstVariable;
        Count++;
        Bytes += obj.Size;
        if (!obj.CollectionWatched)
        {
            UnwatchedCount++;
        }
        else if (obj.CollectedAt is not null)
        {
            CollectedCount++;
        }
        else
        {
            LiveCount += obj.LiveWeight;
            LiveBytes += obj.WeightedSize;
        }
    }
}
