using System;
using System.Collections.Generic;

namespace MemScopeReports.Export.Svg;

/// <summary>Maps a value domain onto pixels and picks round tick values (1, 2 or 5 times a power of ten) for its axis.</summary>
internal readonly struct LinearScale
{
    public LinearScale(double domainMin, double domainMax, double rangeStart, double rangeEnd)
    {
        // A single instant or a flat series still needs a non-empty domain to divide by.
        if (!(domainMax > domainMin))
            domainMax = domainMin + 1;
        DomainMin = domainMin;
        DomainMax = domainMax;
        RangeStart = rangeStart;
        RangeEnd = rangeEnd;
    }

    public double DomainMin { get; }
    public double DomainMax { get; }
    public double RangeStart { get; }
    public double RangeEnd { get; }

    public double Map(double value) => RangeStart + (value - DomainMin) / (DomainMax - DomainMin) * (RangeEnd - RangeStart);

    /// <summary>Round ticks inside the domain, at most about <paramref name="maxTicks"/>, no closer than <paramref name="minStep"/> (1 for counts), and their spacing.</summary>
    public (List<double> Ticks, double Step) Ticks(int maxTicks, double minStep = 0)
    {
        double step = Math.Max(minStep, NiceStep(DomainMax - DomainMin, maxTicks));
        var ticks = new List<double>();
        double first = Math.Ceiling(DomainMin / step - 1e-9) * step;
        for (int i = 0; i <= maxTicks + 1; i++)
        {
            double tick = first + i * step;
            if (tick > DomainMax + step * 1e-9)
                break;
            ticks.Add(Math.Abs(tick) < step * 1e-9 ? 0 : tick);
        }
        return (ticks, step);
    }

    /// <summary>The smallest round number at or above <paramref name="max"/>, so the top tick closes the axis.</summary>
    public static double NiceCeiling(double max, int maxTicks)
    {
        if (!(max > 0))
            return 1;
        double step = NiceStep(max, maxTicks);
        return Math.Ceiling(max / step - 1e-9) * step;
    }

    private static double NiceStep(double span, int maxTicks)
    {
        if (!(span > 0))
            return 1;
        double raw = span / Math.Max(1, maxTicks);
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (double factor in new[] { 1.0, 2.0, 2.5, 5.0, 10.0 })
        {
            if (factor * magnitude >= raw)
                return factor * magnitude;
        }
        return 10 * magnitude;
    }
}
