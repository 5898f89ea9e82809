using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using MemScopeRuntime;
using MemScopeRuntime.Capture;

namespace MemScopeStreamingHost;

/// <summary>
/// Records until some chunks are on disk, flips a byte inside the spill file's first block, then takes a snapshot:
/// the checksum must catch it, and the events that cannot be read back must be counted as dropped, not lost silently.
/// </summary>
internal static class CorruptSpillScenario
{
    public static Results Run(int events)
    {
        for (int i = 1; i <= events; i++)
            SyntheticEvent.Append(site: 0, id: i);
        var clock = Stopwatch.StartNew();
        while (Recorder.CountStreamed() == 0 && clock.Elapsed < TimeSpan.FromSeconds(30))
            Thread.Sleep(10);
        long streamedBeforeCorruption = Recorder.CountStreamed();

        string path = Recorder.SpillPath ?? throw new InvalidOperationException("no spill file: MEMSCOPE_STREAM is not set or was refused");
        using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
        {
            file.Position = 1_000; // inside the first block's events
            int b = file.ReadByte();
            file.Position = 1_000;
            file.WriteByte((byte)(b ^ 0x40));
        }

        var snapshot = Recorder.Snapshot();
        var results = new Results()
            .Add("appended", events)
            .Add("streamedBeforeCorruption", streamedBeforeCorruption)
            .Add("kept", snapshot.Events.Length)
            .Add("dropped", snapshot.Dropped)
            .Add("readBack", snapshot.EventsStreamed)
            .Add("faults", InternalFaults.FaultCount);
        Recorder.StopStreaming();
        return results;
    }
}
