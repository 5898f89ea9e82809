using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using MemScopeRuntime;
using MemScopeReports.Export;
using MemScopeRuntime.Capture;
using MemScopeRuntime.Sites;
using MemScopeTrace.Model;

/// <summary>The entry point for programs that use MemScope: export a report, or look at what was recorded.</summary>
public static class MemScope
{
    /// <summary>False when MEMSCOPE_ENABLED=0: nothing is recorded and nothing is written.</summary>
    public static bool IsEnabled => RuntimeSettings.Enabled;

    /// <summary>
    /// Writes the report of everything recorded so far to <c>&lt;output&gt;/&lt;name&gt;/</c>: <c>&lt;name&gt;_memory_analysis.json</c>
    /// (with leaks), <c>_lifetime.json</c>, <c>_unsafe_ffi.json</c>, <c>_security_violations.json</c> and <c>_complex_types.json</c>.
    /// Returns null, writing nothing, when MemScope is disabled.
    /// </summary>
    public static ExportResult? Export(string name, ExportOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name is "." or "..")
            throw new ArgumentException($"'{name}' cannot be used as a report folder name.", nameof(name));
        if (!RuntimeSettings.Enabled)
            return null;

        options ??= new ExportOptions();
        if (options.SystemAllocations)
            MemScopeRuntime.Gc.AllocationTickListener.Start();
        var stopwatch = Stopwatch.StartNew();
        var recording = Snapshot();
        Session.RememberExport(name, recording.Events.Count + recording.DroppedEvents);
        var directory = Path.Combine(options.OutputDirectory ?? RuntimeSettings.OutputDirectory, name);
        var files = ReportWriter.WriteAll(recording, name, directory, ForReports(options), stopwatch);
        stopwatch.Stop();

        if (options.VerboseLogging)
        {
            foreach (var file in files)
                Console.Error.WriteLine($"MemScope: wrote {file} ({new FileInfo(file).Length:N0} bytes)");
        }
        var result = new ExportResult(Path.GetFullPath(directory), files, recording.Events.Count, recording.DroppedEvents, stopwatch.Elapsed);
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
        var snapshot = Recorder.Snapshot();
        var sites = SiteTableLoader.Load(ModuleRegistry.Snapshot());
        var withGc = snapshot with
        {
            Types = MemScopeRuntime.Identity.TypeRegistry.Describe(snapshot.Events),
            GcSamples = MemScopeRuntime.Gc.GcSampler.Snapshot(),
            Activities = MemScopeRuntime.Identity.ActivityRegistry.Snapshot(),
            SystemAllocations = MemScopeRuntime.Gc.AllocationTickListener.IsRunning ? MemScopeRuntime.Gc.AllocationTickListener.Snapshot() : null,
        };
        return new Recording(withGc, sites, Session.StartTimestamp, Session.StartedAt, Diagnostics.FaultCount);
    }
}

/// <summary>What <see cref="MemScope.Export"/> wrote.</summary>
public sealed record ExportResult(string Directory, IReadOnlyList<string> Files, int EventsExported, long EventsDropped, TimeSpan Duration);
