
namespace MemScopeRuntime.Capture;

/// <summary>MEMSCOPE_SAMPLE=N: records about one allocation in N, without bias (see <see cref="GeometricSampler"/>).</summary>
internal static class AllocationSampler
{
    [System.ThreadStatic] private static GeometricSampler t_sampler;

    public static bool Take(int oneIn) => oneIn <= 1 || t_sampler.Take(oneIn);
}
