using System.Text;

namespace MemScopeReports.Export.Svg;

/// <summary>
/// The d attribute of a path, built from commands with invariant numbers. One path per series keeps a
/// chart of a million events to one element per series instead of one per event.
/// </summary>
internal sealed class PathData
{
    private readonly StringBuilder _data = new(1024);

    public bool IsEmpty => _data.Length == 0;

    public PathData MoveTo(double x, double y) => Command('M', x, y);

    public PathData LineTo(double x, double y) => Command('L', x, y);

    public PathData Horizontal(double x) => Command('H', x);

    public PathData Vertical(double y) => Command('V', y);

    public PathData Close()
    {
        _data.Append('Z');
        return this;
    }

    public override string ToString() => _data.ToString();

    private PathData Command(char command, double a)
    {
        _data.Append(command).Append(SvgWriter.Num(a));
        return this;
    }

    private PathData Command(char command, double a, double b)
    {
        _data.Append(command).Append(SvgWriter.Num(a)).Append(',').Append(SvgWriter.Num(b));
        return this;
    }
}
