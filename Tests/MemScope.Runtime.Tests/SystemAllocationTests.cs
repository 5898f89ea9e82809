using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using MemScopeRuntime.Gc;
using MemScopeTrace.Format;
using Xunit;

namespace MemScopeRuntimeTests;

public class SystemAllocationTests
{
    [Fact(Timeout = 60_000)]
    public async System.Threading.Tasks.Task Allocation_ticks_name_the_types_the_whole_process_allocates_and_survive_the_trace()
    {
        await System.Threading.Tasks.Task.Yield();
        AllocationTickListener.Start();

        // The runtime reports about one tick per 100 KB; its events reach listeners asynchronously.
        var waited = Stopwatch.StartNew();
        while (!AllocationTickListener.Snapshot().Any(s => s.TypeName.Contains("Byte[]")) && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            for (int i = 0; i < 2_000; i++)
                GC.KeepAlive(new byte[1_000]);
            Thread.Sleep(50);
        }

        var recording = MemScope.Snapshot();
        Assert.NotNull(recording.SystemAllocations);
        Assert.Contains(recording.SystemAllocations!, s => s.TypeName.Contains("Byte[]") && s.Bytes > 0);

        string path = Path.Combine(Directory.CreateTempSubdirectory("memscope-ticks-").FullName, "t.mscope");
        TraceFile.Write(recording, path);
        Assert.Equal(recording.SystemAllocations!.Count, TraceFile.Read(path).SystemAllocations!.Count);
    }
}
