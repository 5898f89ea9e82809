using System;
using System.Collections.Generic;
using MemScopeTrace.Format;
using MemScopeTrace.Model;

namespace MemScopeCli.Analysis;

/// <summary>
/// The numbers of a trace that are not lengths of the file itself — bytes of a native block, the length of a
/// rented array, a P/Invoke's duration, an object's collection weight, GC pause times — checked before any of
/// them is added up. The reader already proves that the file holds what it claims; these check that what it
/// claims is something a recording process can have written. A sum of them then always fits in a long, so the
/// analysis and every report can add them without overflow, and a file that says otherwise is refused in one line.
/// </summary>
internal static class TraceLimits
{
    /// <summary>The most one value may claim: 256 TiB, more than any 64-bit process can address.</summary>
    public const long MaxBytes = 1L << 48;

    /// <summary>The most the values of one kind may add up to, so that sums of them and of a few such sums fit in a long.</summary>
    public const long MaxTotal = 1L << 60;

    /// <summary>The largest collection weight the recorder writes is 2^30 (an object standing for 2^30 objects).</summary>
    private const int MaxWatchCode = 30;
    private const int NotWatchedCode = 0xFF;

    public static void Check(Recording recording, string path)
    {
        var totals = new Dictionary<string, long>();
        void Add(string what, long value, long max, long maxTotal, string where)
        {
            if (value < 0 || value > max)
                throw Implausible(path, $"{where} claims {value} ({what})");
            long total = totals.GetValueOrDefault(what) + value;
            if (total > maxTotal)
                throw Implausible(path, $"the {what} add up to more than {maxTotal} by {where}");
            totals[what] = total;
        }

        // Allocation totals are also reported scaled up by the sampling rate (MEMSCOPE_SAMPLE).
        long maxObjectBytes = MaxTotal / recording.SampleOneIn;
        var events = recording.Events;
        for (int i = 0; i < events.Count; i++)
        {
            var e = events[i];
            switch (e.Kind)
            {
                case EventKind.Alloc or EventKind.Identify:
                    int code = (int)((e.Value >> 24) & 0xFF);
                    if (code > MaxWatchCode && code != NotWatchedCode)
                        throw Implausible(path, $"event {i} ({e.Kind}) has collection weight code {code}");
                    var identity = IdentityValue.Unpack(e.Value);
                    // Weighted: live-byte estimates multiply an object's size by the objects it stands for.
                    Add("object bytes", identity.Size * Math.Max(1, identity.LiveWeight), MaxBytes, maxObjectBytes, $"event {i} ({e.Kind})");
                    break;
                case EventKind.NativeAlloc:
                    Add("native block bytes", e.Value, MaxBytes, MaxTotal, $"event {i} (NativeAlloc)");
                    break;
                case EventKind.PoolRent:
                    Add("rented array lengths", e.Value, int.MaxValue, MaxTotal, $"event {i} (PoolRent)");
                    break;
                case EventKind.PInvokeExit:
                    Add("P/Invoke durations", e.Value, MaxTotal, MaxTotal, $"event {i} (PInvokeExit)");
                    break;
            }
        }

        for (int i = 0; i < recording.GcSamples.Count; i++)
        {
            var sample = recording.GcSamples[i];
            if (!double.IsFinite(sample.LastPauseMs) || !double.IsFinite(sample.TotalPauseMs) || sample.LastPauseMs < 0 || sample.TotalPauseMs < 0)
                throw Implausible(path, $"GC sample {i} has pause times {sample.LastPauseMs} and {sample.TotalPauseMs} ms");
        }

        var allocations = recording.SystemAllocations ?? [];
        for (int i = 0; i < allocations.Count; i++)
            Add("system allocation bytes", allocations[i].Bytes, MaxBytes, MaxTotal, $"system allocation sample {i}");
    }

    private static TraceFormatException Implausible(string path, string what) =>
        new($"{path}: corrupt trace: {what}, which no recording can hold.");
}
