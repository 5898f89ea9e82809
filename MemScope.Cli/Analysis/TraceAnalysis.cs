using MemScopeRuntime.Analysis;
using MemScopeRuntime.Analysis.Patterns;
using MemScopeRuntime.Trace;

namespace MemScopeCli.Analysis;

/// <summary>One trace read and analyzed once; the verbs only present it.</summary>
internal sealed class TraceAnalysis
{
    private TraceAnalysis(string path, MemScopeRuntime.Recording.Recording recording, LifecycleReport lifecycle, PatternReport? patterns)
    {
        Path = path;
        Recording = recording;
        Lifecycle = lifecycle;
        Patterns = patterns;
        Totals = RecordingTotals.Of(recording, lifecycle);
    }

    public string Path { get; }
    public string Name => TraceLocator.BaseName(Path);
    public MemScopeRuntime.Recording.Recording Recording { get; }
    public LifecycleReport Lifecycle { get; }

    /// <summary>Null when the pattern analysis is not available (see <see cref="PatternSupport"/>).</summary>
    public PatternReport? Patterns { get; }

    public RecordingTotals Totals { get; }

    /// <summary>Reads and analyzes &lt;trace|dir&gt;; a bad file surfaces as <see cref="TraceFormatException"/>.</summary>
    public static TraceAnalysis Load(CliConsole console, string traceOrDirectory, string? baseName = null)
    {
        string path = TraceLocator.Resolve(traceOrDirectory, baseName);
        return Progress.Run(console, $"Analyzing {System.IO.Path.GetFileName(path)}…", () =>
        {
            var recording = TraceFile.Read(path);
            TraceLimits.Check(recording, path);
            return Analyze(path, recording);
        });
    }

    public static TraceAnalysis Analyze(string path, MemScopeRuntime.Recording.Recording recording)
    {
        var lifecycle = LifecycleAnalysis.Analyze(recording);
        return new TraceAnalysis(path, recording, lifecycle, PatternSupport.Analyze(recording, lifecycle));
    }
}
