using System.Collections.Generic;
using System.Text;

namespace AssemblyToProcess;

public static class IteratorScenario
{
    [Tracked]
    public static IEnumerable<string> Lines(int count)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            builder.Append(i);
            yield return builder.ToString();
        }
    }
}
