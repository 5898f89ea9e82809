using System.Collections.Generic;
using MemScopeTrace.Model;

namespace MemScopeReports.Analysis.Patterns;

/// <summary>How urgent a finding is; the diagnosis ranks by this first, then by bytes.</summary>
public enum FindingSeverity
{
    Info = 0,
    Warning = 1,
    Error = 2,
}

public static class FindingSeverityNames
{
    /// <summary>The word a report file writes: "error", "warning" or "info".</summary>
    public static string Name(this FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "info",
    };
}

/// <summary>
/// One entry of the diagnosis: what was found, in plain words, with the evidence behind every number
/// in <see cref="Message"/> (the site with its file:line, the counts, the bytes, the samples).
/// </summary>
/// <remarks>
/// Rank: 1 for the most urgent finding.<br/>
/// Kind: The pattern or leak/violation kind it comes from, e.g. "leak.undisposed", "churn".<br/>
/// Bytes: Bytes at stake (0 when the finding is about time or counts).<br/>
/// Count: How many objects, calls or collections the finding is about.<br/>
/// Site: The site a developer should look at first, if any.<br/>
/// </remarks>
public sealed record Finding(
    int Rank,
    string Kind,
    FindingSeverity Severity,
    string Message,
    long Bytes,
    long Count,
    SiteInfo? Site,
    IReadOnlyList<string> Evidence)
{
    public override string ToString() => $"{Rank}. [{Severity}] {Message}";
}
