// Public API in the global namespace, beside [Tracked]: see Attributes.cs.

/// <summary>How <see cref="MemScope.Export"/> writes a report.</summary>
public sealed class ExportOptions
{
    /// <summary>Folder under which <c>&lt;name&gt;/</c> is created. Default: MEMSCOPE_OUTPUT, else MemoryAnalysis/.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Print each file written, with its size, to standard error.</summary>
    public bool VerboseLogging { get; init; }

    public ExportOptions WithOutputDirectory(string directory) => new() { OutputDirectory = directory, VerboseLogging = VerboseLogging };

    public ExportOptions WithVerboseLogging(bool verbose = true) => new() { OutputDirectory = OutputDirectory, VerboseLogging = verbose };
}
