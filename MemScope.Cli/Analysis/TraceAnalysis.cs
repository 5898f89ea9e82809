using MemScopeReports.Analysis;
using MemScopeReports.Analysis.Patterns;
using MemScopeTrace.Format;
using MemScopeTrace.Model;

namespace MemScopeCli.Analysis;

/// <summary>One trace read and analyzed once; the verbs only present it.</summary>
internal sealed class TraceAnalysis
{
    private TraceAnalysis(string path, MemScopeTrace.Model.Recording recording, LifecycleReport lifecycle, PatternReport? patterns)
    {
        Path = path;
        Recording = recording;
        Lifecycle = lifecycle;
        Patterns = patterns;
        Totals = RecordingTotals.Of(recording, lifecycle);
    }

    public string Path { get; }
    public string Name => TraceLocator.BaseName(Path);
    public MemScopeTrace.Model.Recording Recording { get; }
    public LifecycleReport Lifecycle { get; }

    /// <summary>Null when the pattern analysis is not available (see <see cref="PatternSupport"/>).</summary>
    public PatternReport? Patterns { get; }

    public RecordingTotals Totals { get; }

    /// <summary>Reads and analyzes &lt;trace|dir&gt;; a bad file surfaces as <see cref="TraceFormatException"/>.</summary>
    public static TraceAnalysis Load(CliConsole console, string traceOrDirectory, string? baseName = null)
    {
        string path = TraceLocator.Resolve(traceOrDirectory, baseName);
        var analysis = Progress.Run(console, $"Analyzing {System.IO.Path.GetFileName(path)}…", () =>
        {
            var recording = TraceFile.Read(path);
            TraceLimits.Check(recording, path);
            return Analyze(path, recording);
        });
        // A spill file (MEMSCOPE_STREAM) of a process that never exported: say so before anything is read as a whole run.
        if (analysis.Recording.Recovery is { } recovery)
            console.Out.WriteLine(recovery.Describe(analysis.Recording));
        return analysis;
    }

    public static TraceAnalysis Analyze(string path, MemScopeTrace.Model.Recording recording)
    {
        var lifecycle = LifecycleAnalysis.Analyze(recording);
        return new TraceAnalysis(path, recording, lifecycle, PatternSupport.Analyze(recording, lifecycle));
    }
}
