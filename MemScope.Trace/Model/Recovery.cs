using System;
using System.Globalization;

namespace MemScopeTrace.Model;

/// <summary>
/// A recording read from a spill file rather than a trace: the process was still recording, or ended without exporting
/// (killed, crashed). Its events are those of the file's complete blocks; a block cut short at the end is left out.
/// </summary>
public sealed record Recovery(int ProcessId, string? ProcessName, bool ProcessStillRunning, long Events, long LastEventTimestamp, long BytesRead, long FileBytes)
{
    /// <summary>One line for the memscope tool: "recovered: the process ended without exporting; N events up to t".</summary>
    public string Describe(Recording recording)
    {
        double ms = Events == 0 ? 0 : recording.ToMilliseconds(LastEventTimestamp);
        string upTo = string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0.000} s ({recording.StartedAt.AddMilliseconds(ms).UtcDateTime:yyyy-MM-dd HH:mm:ss.fff} UTC)");
        string what = ProcessStillRunning
            ? $"in progress: process {ProcessId} ({ProcessName}) is still recording"
            : $"recovered: the process ended without exporting (process {ProcessId}, {ProcessName})";
        string cut = BytesRead < FileBytes ? string.Create(CultureInfo.InvariantCulture, $"; the last {FileBytes - BytesRead:N0} bytes, a block cut short, are left out") : "";
        return string.Create(CultureInfo.InvariantCulture, $"{what}; {Events:N0} events up to {upTo}{cut}");
    }
}
