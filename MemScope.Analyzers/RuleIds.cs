namespace MemScopeAnalyzers;

/// <summary>The diagnostic ids of every MemScope rule; code fixes and tests refer to these, never to literals.</summary>
public static class RuleIds
{
    public const string RawHandleInPInvoke = "MEM001";
    public const string NativeMemoryNotFreed = "MEM002";
    public const string PinnedHandleNotFreed = "MEM003";
    public const string PooledArrayNotReturned = "MEM004";
    public const string PinnedPointerEscapes = "MEM005";
    public const string UnboundedStackAlloc = "MEM006";
    public const string DangerousGetHandleUnguarded = "MEM007";
    public const string LastErrorWithoutSetLastError = "MEM008";
    public const string ImplicitStringMarshalling = "MEM009";
    public const string UnsafeCodeInTrackedScope = "MEM010";
    public const string TrackedHasNoEffect = "MEM011";
}
