using System.Collections.Generic;

namespace AssemblyToProcess;

// Locals that a call fills through out or ref.
public static class ByRefScenario
{
    [Tracked]
    public static int CountFound(Dictionary<string, List<int>> map, string key)
    {
        if (!map.TryGetValue(key, out var found))
            return -1;
        return found.Count;
    }

    [Tracked]
    public static string ReplacedThroughRef()
    {
        string text = new string('a', 2);
        Replace(ref text);
        return text;
    }

    [Tracked]
    public static string KeptThroughRef()
    {
        string text = new string('k', 2);
        Keep(ref text);
        return text;
    }

    private static void Replace(ref string value) => value = new string('b', 3);

    private static void Keep(ref string value) => value.ToString();
}
