using System;
using System.Globalization;
using MemScopeStreamingHost;

// Usage:
//   record <threads> <events per thread> <waves> <events per second>
//       threads record while snapshots are taken; prints what was kept
//   soak <seconds> <threads> <events per second>
//       records at a steady rate; prints memory over time
//   buffer <events>
//       one thread buffers that many events; prints the heap bytes each costs
//   export <events> <events per second>
//       records, exports (JSON + trace), reads the trace and the performance report back
//   corrupt <events>
//       records, damages the spill file, takes a snapshot; prints what came back and what was counted
// Settings come from the environment (MEMSCOPE_STREAM, MEMSCOPE_MAX_BUFFER_MB), as in a real program.
// Results are printed as key=value lines for the tests in MemScope.Runtime.Tests (StreamingTests) to check.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: record <threads> <events per thread> <waves> <events per second> | soak <seconds> <threads> <events per second> | buffer <events> | export <events> <events per second> | corrupt <events>");
    return 2;
}

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

var results = args[0] switch
{
    "record" => RecordScenario.Run(threads: Arg(1, 8), perThread: Arg(2, 400_000), waves: Arg(3, 2), eventsPerSecond: Arg(4, 4_000_000)),
    "export" => ExportScenario.Run(events: Arg(1, 300_000), eventsPerSecond: Arg(2, 1_000_000)),
    "corrupt" => CorruptSpillScenario.Run(events: Arg(1, 200_000)),
    "buffer" => BufferScenario.Run(events: Arg(1, 1 << 20)),
    "soak" => SoakScenario.Run(TimeSpan.FromSeconds(Arg(1, 10)), threads: Arg(2, 4), eventsPerSecond: Arg(3, 1_500_000)),
    _ => throw new ArgumentException($"unknown scenario '{args[0]}'"),
};
results.Print(Console.Out);
return 0;
