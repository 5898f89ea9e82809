namespace MemScopeReports.Export.Svg;

/// <summary>The charts' colours in one place, so a series looks the same in every chart and its legend.</summary>
internal static class Palette
{
    public const string Ink = "#1f2328";
    public const string Muted = "#59636e";
    public const string Axis = "#8c959f";
    public const string Grid = "#e6e9ed";
    public const string Band = "#f4f6f8";

    public const string Tracked = "#2f6fb3";
    public const string Native = "#8e44ad";
    public const string Heap = "#2e8b57";
    public const string InUse = "#6b8e23";
    public const string Fragmented = "#c0792b";

    public const string Gen0 = "#b9c2cc";
    public const string Gen1 = "#e0a030";
    public const string Gen2 = "#d03b3b";

    public const string Collected = "#4e79a7";
    public const string Alive = "#f28e2b";
    public const string DisposeMark = "#1f2328";
    public const string CollectMark = "#0b3c6f";
    public const string Violation = "#d62728";

    public const string Bytes = "#4e79a7";
    public const string Count = "#59a14f";
}
