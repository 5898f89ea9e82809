using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;

// memscope-rs's complex lifecycle showcase in C#: nested generic collections, a collection of
// disposables, a local that lives across awaits, an object that outlives the method that made it,
// and ONE deliberate leak (a MemoryStream nobody disposes). The report must name that leak with its
// variable and line, and nothing else.
internal static class Program
{
    [Tracked]
    private static void Main()
    {
        Console.WriteLine("MemScope complex lifecycle showcase");

        var index = BuildOrderIndex();
        Console.WriteLine($"index: {index.CustomerCount} customers, {index.LineCount} order lines");

        WriteCustomerExports(index);

        // Main stays synchronous; blocking on the one async step keeps the output order fixed.
        int audited = AuditAsync(index).GetAwaiter().GetResult();
        Console.WriteLine($"audit: {audited} customers checked");

        RememberRun(index, audited);
        Console.WriteLine($"last run (kept by a static field): {RunHistory.Last}");

        long staged = StageUpload(index);
        Console.WriteLine($"upload: staged {staged} bytes");

        PrintReport(MemScope.Export("complex_lifecycle"));
    }

    // Dictionary<string, List<Tuple<int, string>>>: three levels of generic instantiation, each
    // allocated in tracked code, so the complex-types report can list them with their element types.
    [Tracked]
    private static OrderIndex BuildOrderIndex()
    {
        var index = new OrderIndex();
        index.Add("acme", quantity: 2, sku: "BOLT-M8");
        index.Add("acme", quantity: 10, sku: "NUT-M8");
        index.Add("globex", quantity: 1, sku: "DRILL-18V");
        index.Add("initech", quantity: 5, sku: "STAPLER-RED");
        index.Add("globex", quantity: 4, sku: "BIT-SET");
        return index;
    }

    // One MemoryStream per customer, owned by a list. Whoever owns a list of disposables must
    // dispose each element before dropping the list: the loop at the end does exactly that.
    [Tracked]
    private static void WriteCustomerExports(OrderIndex index)
    {
        var exports = new List<MemoryStream>();
        foreach (string customer in index.Customers)
        {
            var export = new MemoryStream();
            foreach (var line in index.LinesOf(customer))
            {
                byte[] csv = Encoding.UTF8.GetBytes($"{customer},{line.Item2},{line.Item1}\n");
                export.Write(csv, 0, csv.Length);
            }
            exports.Add(export);
        }

        long totalBytes = 0;
        foreach (var export in exports)
            totalBytes += export.Length;
        Console.WriteLine($"exports: {exports.Count} streams, {totalBytes} bytes of CSV");

        foreach (var export in exports)
            export.Dispose();
        exports.Clear();
        Console.WriteLine("exports: every stream disposed");
    }

    // 'findings' is created before the first await and used after the last one: the compiler
    // hoists it into the async state machine, and MemScope follows it there under its source name.
    [Tracked]
    private static async Task<int> AuditAsync(OrderIndex index)
    {
        var findings = new List<string>();
        foreach (string customer in index.Customers)
        {
            await Task.Delay(1);
            int units = 0;
            foreach (var line in index.LinesOf(customer))
                units += line.Item1;
            findings.Add($"{customer}: {units} units");
        }

        await Task.Delay(1);
        foreach (string finding in findings)
            Console.WriteLine($"audit: {finding}");
        return findings.Count;
    }

    // The local 'summary' goes out of scope when this method returns, but the object does not
    // die: the static field in RunHistory keeps it for the rest of the process.
    [Tracked]
    private static void RememberRun(OrderIndex index, int audited)
    {
        var summary = new RunSummary(index.CustomerCount, index.LineCount, audited);
        RunHistory.Remember(summary);
    }

    // THE BUG (deliberate): the staging stream is filled and measured, then simply forgotten.
    // MemoryStream is IDisposable, so the report must flag 'uploadBuffer' as never disposed.
    [Tracked]
    private static long StageUpload(OrderIndex index)
    {
        var uploadBuffer = new MemoryStream(); // PLANTED: leak uploadBuffer
        foreach (string customer in index.Customers)
        {
            byte[] header = Encoding.UTF8.GetBytes($"[{customer}]\n");
            uploadBuffer.Write(header, 0, header.Length);
        }
        return uploadBuffer.Length;
    }

    // Everything before the "Report:" line is the program's own output, identical with tracking on
    // and off; the report line itself (path, counts, duration) varies from run to run.
    private static void PrintReport(ExportResult? result)
    {
        if (result is null)
        {
            Console.WriteLine("MemScope is disabled (MEMSCOPE_ENABLED=0): no report written.");
            return;
        }
        Console.WriteLine($"Report: {result.Directory} ({result.EventsExported} events, {result.EventsDropped} dropped, {result.Duration.TotalMilliseconds:F1} ms)");
        foreach (var file in result.Files)
            Console.WriteLine($"  {file}");
    }
}
