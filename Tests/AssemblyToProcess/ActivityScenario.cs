using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace AssemblyToProcess;

public static class ActivityScenario
{
    [Tracked]
    public static async Task<int> HandleRequestAsync(string operation, int items)
    {
        using var activity = new Activity(operation).Start();
        var batch = new List<int[]>();
        for (int i = 0; i < items; i++)
        {
            await Task.Yield(); // the rest may run on another thread: the Activity flows with it
            batch.Add(new int[16]);
        }
        return batch.Count;
    }
}
