using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;
using MemScopeTrace.Model;

namespace MemScopeRuntime;

/// <summary>
/// The process-wide recording session: started by the first woven call, exported on demand and once
/// more at process exit (unless MEMSCOPE_EXPORT=none), under the last name the program exported with.
/// A process that ends otherwise exports too: on an unhandled exception (which runs no ProcessExit handler) and
/// on SIGTERM or SIGINT (which end a .NET process without one), before the runtime's own handling goes on.
/// </summary>
internal static class Session
{
    private static int s_started;
    private static string? s_lastExportName;
    private static bool s_exiting;

    /// <summary>The process is ending and the heap was just collected: the export at exit is under way.</summary>
    public static bool IsExiting => Volatile.Read(ref s_exiting);
    private static long s_eventsAtLastExport = -1;
    private static int s_exportingBeforeTheEnd;
    private static PosixSignalRegistration[]? s_signals; // kept: a registration that is collected no longer handles its signal

    /// <summary>How long a process that is ending waits for its report; past it, it ends as it would have without MemScope.</summary>
    internal static readonly TimeSpan ExportBeforeTheEndTimeout = TimeSpan.FromSeconds(60);
    private static ExportResult? s_lastWritten;

    public static long StartTimestamp { get; private set; } = Stopwatch.GetTimestamp();
    public static DateTimeOffset StartedAt { get; private set; } = DateTimeOffset.UtcNow;

    public static void EnsureStarted()
    {
        if (Interlocked.Exchange(ref s_started, 1) != 0)
            return;
        Capture.CoarseClock.Start();
        StartTimestamp = Capture.CoarseClock.Sync();
        StartedAt = DateTimeOffset.UtcNow;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => ExportAtExit();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => ExportBeforeTheEnd("an unhandled exception", processEnds: true);
        s_signals = RegisterSignals();
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

    /// <summary>The last report written, named on stderr when the process ends.</summary>
    public static void RememberWritten(ExportResult result) => Volatile.Write(ref s_lastWritten, result);

    public static string DefaultExportName =>
        Volatile.Read(ref s_lastExportName)
        ?? RuntimeSettings.ExportName
        ?? Naming.ToSnakeCase(Assembly.GetEntryAssembly()?.GetName().Name ?? "memscope");

    /// <summary>
    /// SIGTERM and SIGINT export first; the handler never cancels the signal, so once it returns the runtime's default
    /// handling goes on: the process ends with the exit code it would have had (143, 130). When the program itself
    /// cancels the signal and carries on, the export is simply its latest, and recording continues.
    /// </summary>
    private static PosixSignalRegistration[]? RegisterSignals()
    {
        if (!RuntimeSettings.AutoExport || OperatingSystem.IsBrowser() || OperatingSystem.IsWasi() || OperatingSystem.IsIOS() || OperatingSystem.IsTvOS())
            return null;
        try
        {
            return new[]
            {
                PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => ExportBeforeTheEnd("SIGTERM", processEnds: false)),
                PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => ExportBeforeTheEnd("SIGINT", processEnds: false)),
            };
        }
        catch (Exception e) when (e is PlatformNotSupportedException or IOException)
        {
            // Recording goes on; only the export at a signal is missing, and that is said once.
            InternalFaults.Fault(e);
            return null;
        }
    }

    /// <summary>
    /// The export of a process that is about to end without running ProcessExit. It runs on a thread of its own and is
    /// waited for at most <see cref="ExportBeforeTheEndTimeout"/>, so a report that cannot be written in time (a hung disk)
    /// never keeps the process from ending. A second signal while the first is being handled returns at once: the
    /// default handling then ends the process without waiting for the report.
    /// </summary>
    private static void ExportBeforeTheEnd(string why, bool processEnds)
    {
        if (Interlocked.Exchange(ref s_exportingBeforeTheEnd, 1) != 0)
            return;
        try
        {
            if (!RuntimeSettings.AutoExport || Capture.Recorder.CountEvents() == Volatile.Read(ref s_eventsAtLastExport))
                return;
            ExportResult? result = null;
            var export = new Thread(() => result = global::MemScope.Export(DefaultExportName)) { IsBackground = true, Name = "MemScope export before the end" };
            export.Start();
            if (!export.Join(ExportBeforeTheEndTimeout))
            {
                InternalFaults.Warn($"the export at {why} did not finish within {ExportBeforeTheEndTimeout.TotalSeconds:0} s; the process ends without it.");
                return;
            }
            // An unhandled exception always ends the process: once the report holds everything, the spill file has served.
            if (processEnds && result is { Succeeded: true })
                Capture.Recorder.StopStreaming();
        }
        catch (Exception e) when (e is OutOfMemoryException or ThreadStartException)
        {
            // Thrown from a signal or crash handler it would change how the process ends: counted, said, and the end goes on.
            InternalFaults.Fault(e);
        }
        finally
        {
            Volatile.Write(ref s_exportingBeforeTheEnd, 0);
        }
    }

    private static void ExportAtExit()
    {
        // Nothing happened since the program's own export: writing the same report again would only cost time.
        ExportResult? result = null;
        try
        {
            // Events after the program's own export (objects disposed or collected since) change what the report must say:
            // the report left on disk is the one made at exit.
            if (RuntimeSettings.AutoExport && Capture.Recorder.CountEvents() != Volatile.Read(ref s_eventsAtLastExport))
            {
                // "Live at exit" means reachable: a full collection first, then the export records what it found garbage.
                GC.Collect();
                Volatile.Write(ref s_exiting, true);
                result = global::MemScope.Export(DefaultExportName);
            }
        }
        catch (Exception e)
        {
            // The process is ending: the report is lost, so say so rather than stay silent.
            Console.Error.WriteLine($"MemScope: export at exit failed: {e.Message}");
        }
        finally
        {
            // The last export has read the spill file back; nothing will need it again, unless that export failed.
            Capture.Recorder.StopStreaming(keepFile: result is { Succeeded: false });
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
