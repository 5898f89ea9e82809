using System;

// Public API in the global namespace, beside [Tracked]: see Attributes.cs.

/// <summary>Which files an export writes (MEMSCOPE_EXPORT=json,svg,html,trace or <see cref="ExportOptions.Formats"/>).</summary>
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
