using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using MemScopeCli.Analysis;

namespace MemScopeCli.Output;

/// <summary>What one `memscope check` found, ready for any output format: the findings of the selected categories and the verdict.</summary>
internal sealed class CheckResult
{
    public CheckResult(TraceAnalysis analysis, IReadOnlyList<FindingCategory> failOn, SourceRoot root)
    {
        Analysis = analysis;
        FailOn = failOn;
        Root = root;
        Findings = Finding.In(analysis, failOn.ToHashSet());
    }

    public TraceAnalysis Analysis { get; }
    public IReadOnlyList<FindingCategory> FailOn { get; }
    public SourceRoot Root { get; }
    public IReadOnlyList<Finding> Findings { get; }
    public bool Passed => Findings.Count == 0;

    public IEnumerable<Finding> Of(FindingCategory category) => Findings.Where(f => f.Category == category);

    /// <summary>The fingerprint of each finding: its identity's hash, with an ordinal when the same identity occurs again (a leak in a loop).</summary>
    public IReadOnlyList<string> Fingerprints()
    {
        var seen = new Dictionary<FindingIdentity, int>();
        return Findings.Select(f =>
        {
            int n = seen.GetValueOrDefault(f.Identity);
            seen[f.Identity] = n + 1;
            return n == 0 ? f.Identity.Fingerprint() : $"{f.Identity.Fingerprint()}:{n}";
        }).ToList();
    }

    public static string ToolVersion { get; } =
        typeof(CheckResult).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The word --fail-on uses for a category.</summary>
    public static string OptionName(FindingCategory category) => category switch
    {
        FindingCategory.Leak => "leaks",
        FindingCategory.Violation => "violations",
        _ => "growth",
    };
}
