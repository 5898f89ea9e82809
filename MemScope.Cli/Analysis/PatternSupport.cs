using MemScopeRuntime.Analysis;
using MemScopeRuntime.Analysis.Patterns;

namespace MemScopeCli.Analysis;

/// <summary>
/// The single place where the runtime's pattern analysis (ranked diagnosis, growth trends) plugs into the tool.
/// Everything else asks <see cref="TraceAnalysis.Patterns"/>; a runtime without the analysis would return null
/// here, and the verbs then say "not available" rather than invent an answer.
/// </summary>
internal static class PatternSupport
{
    public static PatternReport? Analyze(MemScopeRuntime.Recording.Recording recording, LifecycleReport report) =>
        PatternAnalysis.Analyze(recording, report);
}
