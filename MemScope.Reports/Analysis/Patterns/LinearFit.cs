namespace MemScopeReports.Analysis.Patterns;

/// <summary>
/// Least-squares line through points added one at a time (Welford's update): O(1) memory per series and
/// numerically stable where the textbook sums of t² and y² would lose precision over a million points.
/// </summary>
internal struct LinearFit
{
    private double _meanX, _meanY, _cxy, _m2x, _m2y;

    public int Count { get; private set; }

    public void Add(double x, double y)
    {
        Count++;
        double dx = x - _meanX;
        _meanX += dx / Count;
        double dy = y - _meanY;
        _meanY += dy / Count;
        _cxy += dx * (y - _meanY);
        _m2x += dx * (x - _meanX);
        _m2y += dy * (y - _meanY);
    }

    /// <summary>Change of y per unit of x; 0 when all points share one x.</summary>
    public readonly double Slope => _m2x > 0 ? _cxy / _m2x : 0;

    /// <summary>R²: the share of y's variance the line explains; 0 for a flat or single-x series.</summary>
    public readonly double Fit => _m2x > 0 && _m2y > 0 ? System.Math.Min(1.0, _cxy * _cxy / (_m2x * _m2y)) : 0; // rounding can pass 1
}
