using System;
using System.Diagnostics;
using System.Globalization;
using SpeedTestWorkload;

// memscope-rs's speed_test in C#: a realistic workload (parsing, dictionaries, sorting, string building)
// whose main types are [Tracked], run woven. Everything above the report line is deterministic.
internal static class Program
{
    private const int Lines = 20_000;
    private const int Particles = 100_000;

    [Tracked]
    private static int Main()
    {
        Console.WriteLine("MemScope speed test");
        var stopwatch = Stopwatch.StartNew();

        var result = SpeedWorkload.Run(Lines, top: 5);
        long particleSum = AllocationLoop.Run(Particles);
        stopwatch.Stop();
        long workingSet = Environment.WorkingSet; // before the report: what the program and the recording hold

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"input lines      {result.Lines}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"records parsed   {result.Records} ({result.Rejected} rejected)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"customers        {result.Customers}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total            {result.TotalCents / 100}.{result.TotalCents % 100:00}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"report hash      {result.ReportHash:x16}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"particles        {Particles} (checksum {particleSum})"));
        Console.Write(result.Report);

        var export = MemScope.Export("speed_test");
        // Timing and recorder figures last: they vary from run to run.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"workload time    {stopwatch.Elapsed.TotalMilliseconds:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"working set      {workingSet / (1024 * 1024)} MB"));
        if (export is null)
        {
            Console.WriteLine("MemScope is disabled (MEMSCOPE_ENABLED=0): no report written.");
            return 0;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Report: {export.Directory} ({export.EventsExported} events, {export.EventsDropped} dropped, {export.Duration.TotalMilliseconds:F1} ms)"));
        return 0;
    }
}
