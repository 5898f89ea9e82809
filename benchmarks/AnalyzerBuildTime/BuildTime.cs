using System.Globalization;

namespace MemScopeAnalyzers.Benchmarks
{
    /// <summary>One build: CPU time of the whole process tree and wall time of the Csc task.</summary>
    internal readonly record struct BuildTime(double CpuMs, double CscMs)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"CPU {CpuMs:F0} ms, Csc {CscMs:F0} ms");
    }
}
