using System.Collections.Generic;

namespace AssemblyToProcess;

public class Cache
{
    [Tracked]
    private List<string> _entries = new();

    private List<string> _untracked = new();

    [Tracked]
    public List<int>? Numbers { get; set; }

    public void Replace(string entry)
    {
        _entries = new List<string> { entry };
        _untracked = new List<string> { entry };
    }

    public int Count => _entries.Count + _untracked.Count;
}

[Tracked]
public class Collectible
{
    public static void CreateAndDrop()
    {
        var garbage = new Collectible();
        garbage.Touch();
    }

    private void Touch()
    {
    }
}

[Tracked]
public class PartlyTracked
{
    public List<int> Tracked()
    {
        var kept = new List<int>();
        return kept;
    }

    [NotTracked]
    public List<int> OptedOut()
    {
        var ignored = new List<int>();
        return ignored;
    }
}
