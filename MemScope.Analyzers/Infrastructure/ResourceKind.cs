namespace MemScopeAnalyzers.Infrastructure;

/// <summary>The kinds of resource whose release the lifetime rules check.</summary>
internal enum ResourceKind
{
    NativeMemory,
    PinnedHandle,
    PooledArray,
}
