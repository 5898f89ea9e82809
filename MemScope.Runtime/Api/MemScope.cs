using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using MemScopeReports.Export;
using MemScopeRuntime;
using MemScopeRuntime.Capture;
using MemScopeRuntime.Sites;
using MemScopeTrace.Model;

/// <summary>The entry point for programs that use MemScope: export a report, or look at what was recorded.</summary>
public static class MemScope
{
    /// <summary>False when MEMSCOPE_ENABLED=0: nothing is recorded and nothing is written.</summary>
    public static bool IsEnabled => RuntimeSettings.Enabled;

    /// <summary>
    /// Writes the report of everything recorded so far to <c>&lt;output&gt;/&lt;name&gt;/</c>, in the formats of
    /// <see cref="ExportOptions.Formats"/> (MEMSCOPE_EXPORT; all by default): seven JSON files
    /// (<c>&lt;name&gt;_memory_analysis.json</c> with the leaks, <c>_lifetime</c>, <c>_unsafe_ffi</c>, <c>_security_violations</c>,
    /// <c>_complex_types</c>, <c>_patterns</c>, <c>_performance</c>), three SVG charts, <c>dashboard.html</c> and the
    /// <c>&lt;name&gt;.mscope</c> trace. Returns null, writing nothing, when MemScope is disabled.
    /// </summary>
    /// <remarks>
    /// Never throws because of where or how the report is written: a destination that cannot be written (a file
    /// where a folder should be, a read-only folder, a full disk) or any fault of MemScope's own is one line on
    /// standard error and a counted internal fault, and the result says why (<see cref="ExportResult.Succeeded"/>,
    /// <see cref="ExportResult.Error"/>); the program goes on. Only a <paramref name="name"/> that cannot be a folder name
    /// throws <see cref="ArgumentException"/>: it is a mistake in the calling code, the same on every run.
    /// Exports of one process run one at a time; exports of several processes into one folder each replace whole files.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, blank, contains a character a file name cannot, or is "." or "..".</exception>
    public static ExportResult? Export(string name, ExportOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!IsValidName(name))
            throw new ArgumentException($"'{name}' cannot be used as a report folder name.", nameof(name));
        if (!RuntimeSettings.Enabled)
            return null;

        // One at a time: each export holds a whole copy of the recording, and they would write the same folder.
        lock (s_exportGate)
            return ExportNow(name, options ?? new ExportOptions());
    }

    private static readonly object s_exportGate = new();

    internal static bool IsValidName(string name) =>
        !string.IsNullOrWhiteSpace(name) && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && name is not ("." or "..");

    private static ExportResult ExportNow(string name, ExportOptions options)
    {
        var stopwatch = Stopwatch.StartNew();
        Session.RememberExportName(name);
        string directory = Path.Combine(options.OutputDirectory ?? RuntimeSettings.OutputDirectory, name);
        var files = new List<string>();
        int exported = 0;
        long dropped = 0;
        try
        {
            directory = Path.GetFullPath(directory);
            if (options.SystemAllocations)
                MemScopeRuntime.Gc.AllocationTickListener.Start();
            // First: a destination that cannot be made fails before the recording is copied and analysed.
            Directory.CreateDirectory(directory);
            var recording = Snapshot();
            exported = recording.EventCount;
            dropped = recording.DroppedEvents;
            ReportWriter.WriteAll(recording, name, directory, ForReports(options), stopwatch, files);
            Session.RememberExport(name, recording.EventCount + recording.DroppedEvents);
        }
        catch (Exception e)
        {
            // Whatever stopped the report (the destination, the disk, memory, a fault of ours) is not the program's problem:
            // it is counted and said on one line, the result carries it, and the files already written stay complete.
            stopwatch.Stop();
            string error = InternalFaults.ExportFailed(name, directory, e);
            return new ExportResult(directory, files, exported, dropped, stopwatch.Elapsed, error);
        }
        stopwatch.Stop();

        if (options.VerboseLogging)
        {
            foreach (var file in files)
                Console.Error.WriteLine($"MemScope: wrote {file} ({new FileInfo(file).Length:N0} bytes)");
        }
        var result = new ExportResult(directory, files, exported, dropped, stopwatch.Elapsed);
        Session.RememberWritten(result);
        return result;
    }

    private static ReportOptions ForReports(ExportOptions options) =>
        new() { Formats = options.Formats, Mode = options.Mode, DetailedObjectLimit = options.DetailedObjectLimit };

    /// <summary>
    /// Starts a scope for assertions in tests: <c>using var scope = MemScope.BeginScope();</c> … <c>scope.AssertNoLeaks();</c>.
    /// </summary>
    public static LeakScope BeginScope() => new();

    /// <summary>Everything recorded so far, with the site tables of every woven assembly resolved.</summary>
    public static Recording Snapshot()
    {
        MemScopeRuntime.Gc.GcSampler.SampleNow();
        MemScopeRuntime.Identity.WeakWatches.SweepNow();
        var snapshot = Recorder.Snapshot();
        if (Session.IsExiting)
            snapshot = snapshot with { Events = MemScopeRuntime.Identity.UnreachableAtExit.AddCollected(snapshot.Events, Stopwatch.GetTimestamp(), Environment.CurrentManagedThreadId) };
        var sites = SiteTableLoader.Load(ModuleRegistry.Snapshot());
        var withGc = snapshot with
        {
            Types = MemScopeRuntime.Identity.TypeRegistry.Describe(snapshot.Events),
            GcSamples = MemScopeRuntime.Gc.GcSampler.Snapshot(),
            Activities = MemScopeRuntime.Identity.ActivityRegistry.Snapshot(),
            SystemAllocations = MemScopeRuntime.Gc.AllocationTickListener.IsRunning ? MemScopeRuntime.Gc.AllocationTickListener.Snapshot() : null,
        };
        return new Recording(withGc, sites, Session.StartTimestamp, Session.StartedAt, InternalFaults.FaultCount);
    }
}

/// <summary>
/// What <see cref="MemScope.Export"/> wrote. When it could not write everything, <see cref="Error"/> says why and
/// <see cref="Files"/> lists the complete files it wrote before that.
/// </summary>
public sealed record ExportResult(string Directory, IReadOnlyList<string> Files, int EventsExported, long EventsDropped, TimeSpan Duration, string? Error = null)
{
    /// <summary>True when every file of the report was written.</summary>
    public bool Succeeded => Error is null;
}
