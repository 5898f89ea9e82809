using System.Collections.Generic;
using System.IO;

namespace MemScopeRobustnessHost;

/// <summary>Tracked work that gives a report something to say: lists held by named locals, a disposable left undisposed.</summary>
[Tracked]
internal static class Workload
{
    private static readonly List<object> s_kept = new();

    public static int Run(int rounds)
    {
        int total = 0;
        for (int i = 0; i < rounds; i++)
        {
            var numbers = new List<int> { i, i + 1, i + 2 };
            var text = new string('x', 1 + i % 16);
            total += numbers.Count + text.Length;
            if (i % 100 == 0)
                s_kept.Add(numbers);
        }
        var stream = new MemoryStream(new byte[64]); // never disposed: a leak for the report
        s_kept.Add(stream);
        return total;
    }
}
