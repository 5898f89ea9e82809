/// <summary>Which report files to write, and how much per-object detail they carry.</summary>
public sealed record ReportOptions
{
    public ReportFormats Formats { get; init; } = ReportFormats.All;

    public ExportMode Mode { get; init; } = ExportMode.Auto;

    /// <summary>In <see cref="ExportMode.Auto"/>, recordings of at most this many tracked objects get per-object detail.</summary>
    public int DetailedObjectLimit { get; init; } = 100_000;

    internal bool IsDetailed(int trackedObjects) =>
        Mode == ExportMode.Detailed || (Mode == ExportMode.Auto && trackedObjects <= DetailedObjectLimit);
}
