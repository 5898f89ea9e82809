namespace MemScopeReports.Export.Svg;

/// <summary>
/// Reduces a time-ordered series of any length to at most one vertical span per pixel column (first,
/// lowest, highest and last value), so a million points draw as a few thousand path commands while
/// every peak stays visible.
/// </summary>
internal sealed class ColumnEnvelope
{
    private readonly bool[] _touched;
    private readonly double[] _first;
    private readonly double[] _min;
    private readonly double[] _max;
    private readonly double[] _last;

    public ColumnEnvelope(int columns)
    {
        Columns = columns < 1 ? 1 : columns;
        _touched = new bool[Columns];
        _first = new double[Columns];
        _min = new double[Columns];
        _max = new double[Columns];
        _last = new double[Columns];
    }

    public int Columns { get; }

    /// <summary>The largest value seen.</summary>
    public double Max { get; private set; }

    public bool IsEmpty { get; private set; } = true;

    /// <summary>Adds a value; values must come in time order.</summary>
    public void Add(int column, double value)
    {
        if (!_touched[column])
        {
            _touched[column] = true;
            _first[column] = _min[column] = _max[column] = value;
        }
        else
        {
            if (value < _min[column]) _min[column] = value;
            if (value > _max[column]) _max[column] = value;
        }
        _last[column] = value;
        if (IsEmpty || value > Max)
            Max = value;
        IsEmpty = false;
    }

    public bool TryGet(int column, out double first, out double min, out double max, out double last)
    {
        first = _first[column];
        min = _min[column];
        max = _max[column];
        last = _last[column];
        return _touched[column];
    }
}
