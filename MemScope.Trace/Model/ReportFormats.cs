using System;

// Public API in the global namespace, beside [Tracked]: shared by the runtime's ExportOptions, the reports and the memscope tool.

/// <summary>Which files an export writes (MEMSCOPE_EXPORT=json,svg,html,trace or ExportOptions.Formats).</summary>
[Flags]
public enum ReportFormats
{
    None = 0,
    /// <summary>The JSON reports with their schemas' shapes.</summary>
    Json = 1,
    /// <summary>The three SVG charts.</summary>
    Svg = 2,
    /// <summary>dashboard.html.</summary>
    Html = 4,
    /// <summary>The .mscope trace the memscope tool reads.</summary>
    Trace = 8,
    All = Json | Svg | Html | Trace,
}

/// <summary>How much of a recording the JSON reports spell out.</summary>
public enum ExportMode
{
    /// <summary>Detailed up to DetailedObjectLimit (ExportOptions, ReportOptions) tracked objects, Fast beyond.</summary>
    Auto,
    /// <summary>Aggregates only: summaries, totals by type and site, leaks, violations; no per-object lists.</summary>
    Fast,
    /// <summary>Every tracked object and its lifetime.</summary>
    Detailed,
}
