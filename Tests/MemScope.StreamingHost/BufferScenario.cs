using System;
using MemScopeRuntime.Capture;

namespace MemScopeStreamingHost;

/// <summary>
/// What the tracker's memory costs per event it holds: the managed heap after a full collection, before and after
/// one thread buffers <c>events</c> events (no streaming, a budget large enough to keep them all).
/// </summary>
internal static class BufferScenario
{
    public static Results Run(int events)
    {
        _ = Recorder.BufferBytes; // the recorder's statics (queue, pool) exist once per process: not counted per event
        long before = GC.GetTotalMemory(forceFullCollection: true);
        for (int i = 1; i <= events; i++)
            SyntheticEvent.Append(site: 0, id: i);
        long after = GC.GetTotalMemory(forceFullCollection: true);
        var snapshot = Recorder.Snapshot();
        return new Results()
            .Add("buffered", snapshot.Events.Length)
            .Add("dropped", snapshot.Dropped)
            .Add("heapGrowthBytes", after - before)
            .Add("bytesPerEvent", (double)(after - before) / events)
            .Add("bufferBytes", Recorder.BufferBytes);
    }
}
