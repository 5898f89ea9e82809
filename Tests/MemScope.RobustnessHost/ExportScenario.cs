using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading;

namespace MemScopeRobustnessHost;

/// <summary>
/// Exports <c>exports</c> times from each of <c>threads</c> threads released together, into MEMSCOPE_OUTPUT, and
/// prints each result as <c>export=ok|failed</c> lines, then that the program carried on after them; with a last
/// folder, exports once more into it (JSON only).
/// </summary>
internal static class ExportScenario
{
    public static int Run(string name, int exports, int threads, string? thenTo)
    {
        Workload.Run(2_000);
        var results = new ConcurrentQueue<ExportResult?>();
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < exports; i++)
                results.Enqueue(MemScope.Export(name));
        })).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());

        foreach (var result in results)
        {
            if (result is null)
                Console.WriteLine("export=disabled");
            else if (result.Succeeded)
                Console.WriteLine($"export=ok files={result.Files.Count} events={result.EventsExported}");
            else
                Console.WriteLine($"export=failed files={string.Join(',', result.Files.Select(Path.GetFileName))} error={result.Error}");
        }
        // What the report folder holds now, listed from inside: a test that gave this process a disk of its own cannot look later.
        if (results.FirstOrDefault() is { } first && Directory.Exists(first.Directory))
            Console.WriteLine($"inFolder={string.Join(',', Directory.GetFiles(first.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal))}");
        Console.WriteLine($"succeeded={results.Count(r => r is { Succeeded: true })}");
        Console.WriteLine($"failed={results.Count(r => r is { Succeeded: false })}");
        // The program goes on after a failed export: more tracked work, then a normal end.
        Console.WriteLine($"continued={Workload.Run(10)}");
        if (thenTo is not null)
        {
            // A last export to a folder that works: its report counts the failures as internal faults.
            var last = MemScope.Export(name, new ExportOptions().WithOutputDirectory(thenTo).WithFormats(ReportFormats.Json));
            Console.WriteLine($"then={(last is { Succeeded: true } ? "ok" : "failed")}");
        }
        return 0;
    }
}
