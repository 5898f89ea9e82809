using MemScopeTrace.Model;

// Public API in the global namespace, beside [Tracked]: see Attributes.cs.

/// <summary>How <see cref="MemScope.Export"/> writes a report.</summary>
public sealed record ExportOptions
{
    public ExportMode Mode { get; init; } = ExportMode.Auto;

    /// <summary>The files to write. Default: MEMSCOPE_EXPORT's list, else everything.</summary>
    public ReportFormats Formats { get; init; } = MemScopeRuntime.RuntimeSettings.Formats;

    public ExportOptions WithFormats(ReportFormats formats) => this with { Formats = formats };

    /// <summary>With <see cref="ExportMode.Auto"/>: the most tracked objects exported one by one.</summary>
    public int DetailedObjectLimit { get; init; } = 100_000;

    /// <summary>Folder under which <c>&lt;name&gt;/</c> is created. Default: MEMSCOPE_OUTPUT, else MemoryAnalysis/.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Print each file written, with its size, to standard error.</summary>
    public bool VerboseLogging { get; init; }

    public ExportOptions WithOutputDirectory(string directory) => this with { OutputDirectory = directory };

    public ExportOptions WithVerboseLogging(bool verbose = true) => this with { VerboseLogging = verbose };

    public ExportOptions WithMode(ExportMode mode) => this with { Mode = mode };

    /// <summary>
    /// Sample every allocation of the process (not only tracked code) through the GC's AllocationTick events,
    /// from now on; memscope-rs's IncludeSystemAllocations. Also turned on by MEMSCOPE_SYSTEM_ALLOCATIONS=1.
    /// </summary>
    public bool SystemAllocations { get; init; }

    public ExportOptions IncludeSystemAllocations(bool include = true) => this with { SystemAllocations = include };

}
