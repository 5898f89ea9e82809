using System.Collections.Generic;

namespace AssemblyToProcess;

[Tracked]
public class Chained
{
    private readonly List<string> _names;

    public Chained() : this(new List<string> { "first" })
    {
        var note = "chained to " + _names.Count;
        Note = note;
    }

    public Chained(List<string> names)
    {
        var copy = new List<string>(names);
        _names = copy;
    }

    public string Note { get; set; } = "";

    public int Count => _names.Count;
}

[Tracked]
public static class StaticInit
{
    private static readonly Dictionary<string, int> Table;

    static StaticInit()
    {
        var table = new Dictionary<string, int> { ["one"] = 1 };
        Table = table;
    }

    public static int Get(string key) => Table[key];
}
