using System;
using System.Collections.Generic;

namespace SpeedTestWorkload;

/// <summary>What one run of the workload produced; the same input gives the same result.</summary>
public sealed record WorkloadResult(int Lines, int Records, int Rejected, int Customers, long TotalCents, ulong ReportHash, string Report);

/// <summary>
/// The SpeedTest workload: generate the input, parse it, index it in dictionaries, sort it and build a
/// text report. The same source is compiled woven (SpeedTest.Workload) and unwoven (SpeedTest.Unwoven).
/// </summary>
[Tracked]
public static class SpeedWorkload
{
    public static WorkloadResult Run(int lines, int top = 10)
    {
        var input = CsvSource.Generate(lines);
        return Run(input, top);
    }

    public static WorkloadResult Run(List<string> input, int top = 10)
    {
        var parser = new SalesParser();
        var records = parser.ParseAll(input);
        var index = new SalesIndex();
        index.AddAll(records);
        var builder = new ReportBuilder();
        var report = builder.Build(index, records, top);

        long total = 0;
        foreach (var record in records)
            total += record.TotalCents;
        return new WorkloadResult(input.Count, records.Count, parser.Rejected, index.CustomerCount, total, Fnv1a(report), report);
    }

    private static ulong Fnv1a(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
