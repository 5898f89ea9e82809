using System;
using System.Globalization;
using MemScopeRobustnessHost;

// Usage (settings come from the environment, as in a real program):
//   export <name> <exports> <threads> [<last folder>]
//       tracked work, then <exports> exports of <name> from each of <threads> threads started together;
//       prints one line per export and then what the program did after them; then one more export into <last folder>
//   crash | crash-thread
//       tracked work, then an unhandled exception on the main thread or on a thread of its own
//   wait <seconds>
//       tracked work, prints "ready" and sleeps: for a test to signal it
//   stream <seconds>
//       tracked work for that long, printing rounds=N after each round: with MEMSCOPE_STREAM, a recording to kill
//   violation
//       tracked work, then a second Dispose of a tracked stream (with MEMSCOPE_ON_VIOLATION=throw, an unhandled exception)
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: export <name> <exports> <threads> [<last folder>] | crash | crash-thread | wait <seconds> | stream <seconds> | violation");
    return 2;
}

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

return args[0] switch
{
    "export" => ExportScenario.Run(args.Length > 1 ? args[1] : "robust", exports: Arg(2, 1), threads: Arg(3, 1), thenTo: args.Length > 4 ? args[4] : null),
    "crash" => EndScenarios.Crash(),
    "crash-thread" => EndScenarios.CrashOnAThread(),
    "wait" => EndScenarios.Wait(Arg(1, 60)),
    "stream" => EndScenarios.Stream(Arg(1, 60)),
    "violation" => EndScenarios.Violation(),
    _ => throw new ArgumentException($"unknown scenario '{args[0]}'"),
};
