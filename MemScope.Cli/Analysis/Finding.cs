using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MemScopeReports.Analysis;
using MemScopeReports.Analysis.Patterns;
using MemScopeTrace.Model;

namespace MemScopeCli.Analysis;

/// <summary>The three things `memscope check` can fail on; also the first part of a rule id (leak.nativeBlock).</summary>
internal enum FindingCategory
{
    Leak,
    Violation,
    Growth,
}

/// <summary>
/// One problem found in a recording, in the shape every output of `check` (text, SARIF, JSON, JUnit) and the diff
/// share: its category and kind (together its rule), its level, the line the text output prints (with absolute
/// locations) and a message for outputs that give the location apart, the type and variable it is
/// about, where it happened, and, for a violation, the site it contradicts.
/// </summary>
internal sealed record Finding(
    FindingCategory Category,
    string Kind,
    string Level,
    string Line,
    string Message,
    string TypeName,
    string? Variable,
    SiteInfo? Site,
    SiteInfo? RelatedSite,
    string? RelatedMessage,
    long? Bytes)
{
    public string RuleId => FindingRules.Id(Category, Kind);

    /// <summary>The method it happened in, from the site; null when the site is unknown.</summary>
    public string? Method => Site?.Method;

    /// <summary>What the finding is, independent of line numbers, addresses and object ids (see <see cref="FindingIdentity"/>).</summary>
    public FindingIdentity Identity => new(Category, Kind, Method, Variable, TypeName);

    public static Finding Of(Leak leak) => new(
        FindingCategory.Leak,
        leak.Kind,
        "error",
        leak.Describe(),
        $"{leak.TypeName} ({leak.Size.ToString("N0", CultureInfo.InvariantCulture)} bytes) in '{Text.Variable(leak.Variable)}': {leak.Reason}.",
        leak.TypeName,
        leak.Variable,
        leak.CreatedAt,
        null,
        null,
        leak.Size);

    public static Finding Of(Violation v)
    {
        string related = v.RelatedSite is null ? "" : $" (related: {Text.Site(v.RelatedSite)})";
        return new Finding(
            FindingCategory.Violation,
            v.Kind,
            v.Severity switch { FindingSeverity.Error => "error", FindingSeverity.Warning => "warning", _ => "note" },
            $"[{v.Severity.Name()}] {v.Kind}: {v.Message} — '{Text.Variable(v.Variable)}' ({v.TypeName}) at {Text.Site(v.Site)}{related}",
            // Object violations already say whose ("ManifestReader 'manifest': …"); native ones do not.
            v.Variable is not null && v.Message.Contains($"'{v.Variable}'") ? v.Message + "." : $"{v.TypeName} '{Text.Variable(v.Variable)}': {v.Message}.",
            v.TypeName,
            v.Variable,
            v.Site,
            v.RelatedSite,
            RelatedWording(v.Kind),
            null);
    }

    /// <summary>A growing type, located at the first of the allocation sites that grew with it.</summary>
    public static Finding Of(GrowthTrend g, IReadOnlyList<GrowthTrend> bySite)
    {
        var sites = bySite.Where(s => s.TypeName == g.TypeName && s.Site is not null).Select(s => s.Site!).ToList();
        string where = sites.Count == 0 ? "" : $" at {string.Join(", ", sites.Select(Text.Site))}";
        string rate = g.BytesPerSecond.ToString("N0", CultureInfo.InvariantCulture);
        string fit = g.Fit.ToString("0.00", CultureInfo.InvariantCulture);
        string numbers = $"+{rate} bytes/s over {Text.Milliseconds(g.ToMs - g.FromMs)} (live {Text.Bytes(g.FirstLiveBytes)} → {Text.Bytes(g.LastLiveBytes)} bytes, " +
                         $"peak {Text.Bytes(g.PeakLiveBytes)}, {Text.Count(g.Objects)} objects, fit R² {fit})";
        return new Finding(
            FindingCategory.Growth,
            "type",
            "warning",
            $"{g.TypeName}: {numbers}{where}",
            $"Live {g.TypeName} grew {numbers}.",
            g.TypeName,
            null,
            sites.FirstOrDefault(),
            null,
            null,
            g.LastLiveBytes);
    }

    /// <summary>The findings of the selected categories, leaks first, then violations, then growth.</summary>
    public static List<Finding> In(TraceAnalysis analysis, ICollection<FindingCategory> categories)
    {
        var findings = new List<Finding>();
        if (categories.Contains(FindingCategory.Leak))
            findings.AddRange(analysis.Lifecycle.Leaks.Select(Of));
        if (categories.Contains(FindingCategory.Violation))
            findings.AddRange(analysis.Lifecycle.Violations.Select(Of));
        if (categories.Contains(FindingCategory.Growth) && analysis.Patterns is { } patterns)
            findings.AddRange(patterns.GrowthByType.Select(g => Of(g, patterns.GrowthBySite)));
        return findings;
    }

    private static string RelatedWording(string kind) => kind switch
    {
        "doubleDispose" or "useAfterDispose" => "disposed here",
        "useOfClosedHandle" => "closed here",
        "doubleFree" or "freedPointerPassedToNative" => "freed here",
        "refcountBelowZero" => "opened here",
        _ => "related",
    };
}
