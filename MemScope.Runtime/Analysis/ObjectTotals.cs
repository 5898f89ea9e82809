namespace MemScopeRuntime.Analysis;

/// <summary>Counts and bytes of a set of tracked objects, all and live, with the first object and variable seen.</summary>
public sealed class ObjectTotals
{
    public int Count { get; private set; }
    public long Bytes { get; private set; }
    public int LiveCount { get; private set; }
    public long LiveBytes { get; private set; }
    public TrackedObject? First { get; private set; }
    public string? Variable { get; private set; }

    public void Add(TrackedObject obj)
    {
        First ??= obj;
        Variable ??= obj.FirstVariable;
        Count++;
        Bytes += obj.Size;
        if (obj.IsLive)
        {
            LiveCount++;
            LiveBytes += obj.Size;
        }
    }
}
