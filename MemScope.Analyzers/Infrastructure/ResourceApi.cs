using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MemScopeAnalyzers.Infrastructure;

/// <summary>Recognises the calls that acquire and release the resources MEM002–MEM004 follow.</summary>
internal sealed class ResourceApi
{
    // GCHandleType.Pinned; compared by value so the rule works whatever the enum's metadata looks like.
    private const int PinnedHandleType = 3;

    private readonly KnownSymbols known;

    public ResourceApi(KnownSymbols known)
    {
        this.known = known;
    }

    public bool IsAvailable => known.Marshal != null || known.NativeMemory != null || known.GCHandle != null || known.ArrayPool != null;

    public bool TryGetAcquisition(IInvocationOperation invocation, out ResourceKind kind)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        kind = default;
        if (KnownSymbols.Is(type, known.Marshal))
        {
            kind = ResourceKind.NativeMemory;
            return method.Name is "AllocHGlobal" or "AllocCoTaskMem" or "ReAllocHGlobal" or "ReAllocCoTaskMem";
        }

        if (KnownSymbols.Is(type, known.NativeMemory))
        {
            kind = ResourceKind.NativeMemory;
            return method.Name is "Alloc" or "AllocZeroed" or "AlignedAlloc" or "Realloc" or "AlignedRealloc";
        }

        if (KnownSymbols.Is(type, known.GCHandle))
        {
            kind = ResourceKind.PinnedHandle;
            return method.Name == "Alloc" && invocation.Arguments.Length == 2 &&
                   invocation.Arguments[1].Value.ConstantValue is { HasValue: true, Value: int handleType } && handleType == PinnedHandleType;
        }

        if (method.Name == "Rent" && IsArrayPoolMember(method))
        {
            kind = ResourceKind.PooledArray;
            return true;
        }

        return false;
    }

    /// <summary>True when <paramref name="invocation"/> frees, unpins or returns a value that <paramref name="isTracked"/> accepts.</summary>
    public bool IsRelease(IInvocationOperation invocation, ResourceKind kind, System.Func<IOperation, bool> isTracked)
    {
        var method = invocation.TargetMethod;
        switch (kind)
        {
            case ResourceKind.NativeMemory:
                var isFree =
                    (KnownSymbols.Is(method.ContainingType, known.Marshal) && method.Name is "FreeHGlobal" or "FreeCoTaskMem" or "ReAllocHGlobal" or "ReAllocCoTaskMem") ||
                    (KnownSymbols.Is(method.ContainingType, known.NativeMemory) && method.Name is "Free" or "AlignedFree" or "Realloc" or "AlignedRealloc");
                return isFree && invocation.Arguments.Length > 0 && ValueFlow.DerivesFrom(invocation.Arguments[0].Value, isTracked);
            case ResourceKind.PinnedHandle:
                return KnownSymbols.Is(method.ContainingType, known.GCHandle) && method.Name == "Free" &&
                       ValueFlow.DerivesFrom(invocation.Instance, isTracked);
            case ResourceKind.PooledArray:
                return method.Name == "Return" && IsArrayPoolMember(method) && invocation.Arguments.Length > 0 &&
                       ValueFlow.DerivesFrom(invocation.Arguments[0].Value, isTracked);
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether handing the value to this call lends it (the callee uses it and gives it back) rather than
    /// giving it away. Interop and memory helpers lend; methods named like collection inserts or setters keep.
    /// </summary>
    public bool Lends(IMethodSymbol method, IParameterSymbol? parameter)
    {
        if (parameter != null && parameter.RefKind is RefKind.Ref or RefKind.Out)
        {
            return false;
        }

        var type = method.ContainingType;
        if (KnownSymbols.Is(type, known.Marshal) || KnownSymbols.Is(type, known.NativeMemory) || method.IsExtern || PInvoke.TryGet(method, known, out _) ||
            (type != null && type.ContainingNamespace?.ToDisplayString() is "System" or "System.Runtime.CompilerServices" &&
             type.Name is "Buffer" or "Unsafe" or "MemoryExtensions" or "Array" or "Span" or "ReadOnlySpan" or "BitConverter"))
        {
            return true;
        }

        return !KeepsArgument(method.Name);
    }

    private static bool KeepsArgument(string name) =>
        name.StartsWith("Add", System.StringComparison.Ordinal) ||
        name.StartsWith("TryAdd", System.StringComparison.Ordinal) ||
        name.StartsWith("Set", System.StringComparison.Ordinal) ||
        name.StartsWith("Insert", System.StringComparison.Ordinal) ||
        name.StartsWith("Push", System.StringComparison.Ordinal) ||
        name.StartsWith("Enqueue", System.StringComparison.Ordinal) ||
        name.StartsWith("Register", System.StringComparison.Ordinal) ||
        name.StartsWith("Attach", System.StringComparison.Ordinal) ||
        name.StartsWith("Adopt", System.StringComparison.Ordinal) ||
        name.StartsWith("Take", System.StringComparison.Ordinal) ||
        name.StartsWith("Store", System.StringComparison.Ordinal) ||
        name.StartsWith("Exchange", System.StringComparison.Ordinal) ||
        name.StartsWith("CompareExchange", System.StringComparison.Ordinal) ||
        name.Contains("Own");

    private bool IsArrayPoolMember(IMethodSymbol method)
    {
        for (var current = method; current != null; current = current.OverriddenMethod)
        {
            if (KnownSymbols.Is(current.ContainingType, known.ArrayPool))
            {
                return true;
            }
        }

        return false;
    }
}
