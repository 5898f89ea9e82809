using MemScopeReports.Analysis;
using MemScopeReports.Analysis.Patterns;
using MemScopeTrace.Model;

namespace MemScopeCli.Analysis;

/// <summary>
/// The single place where the runtime's pattern analysis (ranked diagnosis, growth trends) plugs into the tool.
/// Everything else asks <see cref="TraceAnalysis.Patterns"/>; a runtime without the analysis would return null
/// here, and the verbs then say "not available" rather than invent an answer.
/// </summary>
internal static class PatternSupport
{
    public static PatternReport? Analyze(MemScopeTrace.Model.Recording recording, LifecycleReport report) =>
        PatternAnalysis.Analyze(recording, report);
}
