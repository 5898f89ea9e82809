using System.Collections.Generic;

namespace AssemblyToProcess;

public static class PlainMethod
{
    [Tracked]
    public static int CountItems()
    {
        var items = new List<int> { 1, 2, 3 };
        var label = "items: " + items.Count;
        return label.Length + items.Count;
    }

    [Tracked]
    public static string Reassign()
    {
        var text = new string('a', 4);
        text = new string('b', 8);
        return text;
    }

    public static List<int> NotTrackedMethod()
    {
        var untracked = new List<int>();
        return untracked;
    }
}
