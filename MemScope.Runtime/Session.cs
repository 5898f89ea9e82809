using System;
using System.Diagnostics;
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
    private static bool s_exiting;

    /// <summary>The process is ending and the heap was just collected: the export at exit is under way.</summary>
    public static bool IsExiting => Volatile.Read(ref s_exiting);
    private static long s_eventsAtLastExport = -1;

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

    /// <summary>The name the program exported with, kept even when that export failed: the export at exit uses it.</summary>
    public static void RememberExportName(string name) => Volatile.Write(ref s_lastExportName, name);

    /// <summary>A successful export: what it held, so that the export at exit is skipped when nothing came after it.</summary>
    public static void RememberExport(string name, long eventsRecordedAndDropped)
    {
        Volatile.Write(ref s_lastExportName, name);
        Volatile.Write(ref s_eventsAtLastExport, eventsRecordedAndDropped);
    }

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
            {
                // "Live at exit" means reachable: a full collection first, then the export records what it found garbage.
                GC.Collect();
                Volatile.Write(ref s_exiting, true);
                global::MemScope.Export(DefaultExportName);
            }
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
        }
    }
}
