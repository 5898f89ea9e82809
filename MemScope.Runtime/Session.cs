using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using MemScopeTrace.Model;

namespace MemScopeRuntime;

/// <summary>
/// The process-wide recording session: started by the first woven call, exported on demand and once
/// more at process exit (unless MEMSCOPE_EXPORT=none), under the last name the program exported with.
/// </summary>
internal static class Session
{
    private static int s_started;
    private static string? s_lastExportName;
    private static long s_eventsAtLastExport = -1;
    private static ExportResult? s_lastWritten;

    public static long StartTimestamp { get; private set; } = Stopwatch.GetTimestamp();
    public static DateTimeOffset StartedAt { get; private set; } = DateTimeOffset.UtcNow;

    public static void EnsureStarted()
    {
        if (Interlocked.Exchange(ref s_started, 1) != 0)
            return;
        StartTimestamp = Stopwatch.GetTimestamp();
        StartedAt = DateTimeOffset.UtcNow;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => ExportAtExit();
        Gc.GcSampler.Start(RuntimeSettings.GcSampleInterval);
        Live.MemScopeEventSource.EnsureCreated();
        if (RuntimeSettings.SystemAllocations)
            Gc.AllocationTickListener.Start();
    }

    public static void RememberExport(string name, long eventsRecordedAndDropped)
    {
        Volatile.Write(ref s_lastExportName, name);
        Volatile.Write(ref s_eventsAtLastExport, eventsRecordedAndDropped);
    }

    /// <summary>The last report written, named on stderr when the process ends.</summary>
    public static void RememberWritten(ExportResult result) => Volatile.Write(ref s_lastWritten, result);

    public static string DefaultExportName =>
        Volatile.Read(ref s_lastExportName)
        ?? RuntimeSettings.ExportName
        ?? Naming.ToSnakeCase(Assembly.GetEntryAssembly()?.GetName().Name ?? "memscope");

    private static void ExportAtExit()
    {
        // Nothing happened since the program's own export: writing the same report again would only cost time.
        try
        {
            if (RuntimeSettings.AutoExport && Capture.Recorder.CountEvents() != Volatile.Read(ref s_eventsAtLastExport))
                global::MemScope.Export(DefaultExportName);
        }
        catch (Exception e)
        {
            // The process is ending: the report is lost, so say so rather than stay silent.
            Console.Error.WriteLine($"MemScope: export at exit failed: {e.Message}");
        }
        finally
        {
            // The last export has read the spill file back; nothing will need it again.
            Capture.Recorder.StopStreaming();
            AnnounceReport();
        }
    }

    /// <summary>One line on stderr naming the last report's folder and dashboard, so nobody has to guess (MEMSCOPE_QUIET=1 silences it).</summary>
    private static void AnnounceReport()
    {
        if (RuntimeSettings.Quiet || Volatile.Read(ref s_lastWritten) is not { } report)
            return;
        try
        {
            string? dashboard = report.Files.Select(Path.GetFullPath).FirstOrDefault(f => Path.GetFileName(f) == "dashboard.html");
            Console.Error.WriteLine(dashboard is null
                ? $"MemScope: report written to {report.Directory}"
                : $"MemScope: report written to {report.Directory} (open {dashboard})");
        }
        catch (Exception)
        {
            // The process is ending and the report is on disk: a closed stderr is no reason to fail the exit.
        }
    }
}
