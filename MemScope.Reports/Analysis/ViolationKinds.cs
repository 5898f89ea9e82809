using System.Collections.Generic;
using MemScopeReports.Analysis.Patterns;

namespace MemScopeReports.Analysis;

/// <summary>
/// The kinds of violation the analysis reports and the severity of each, after .NET semantics: what breaks memory or
/// an object's contract is an error; what .NET allows, or what MemScope cannot tell from a legitimate use, is a warning.
/// The table in README ("Violations and their severity") is this one; MEMSCOPE_ON_VIOLATION=throw throws for the
/// errors that are detected while the program runs (the runtime's Guards/Violations), never for a warning.
/// </summary>
public static class ViolationKinds
{
    /// <summary>A member called on a disposed object.</summary>
    public const string UseAfterDispose = "useAfterDispose";

    /// <summary>A member of a closed SafeHandle called, or the handle passed to native code.</summary>
    public const string UseOfClosedHandle = "useOfClosedHandle";

    /// <summary>A native block or GCHandle freed a second time (the shim kept the second free from the allocator).</summary>
    public const string DoubleFree = "doubleFree";

    /// <summary>A native block passed to a P/Invoke after tracked code freed it.</summary>
    public const string FreedPointerPassedToNative = "freedPointerPassedToNative";

    /// <summary>DangerousRelease without a matching DangerousAddRef: the handle can be released while still in use.</summary>
    public const string RefcountBelowZero = "refcountBelowZero";

    /// <summary>A second disposal: the IDisposable contract requires it to be harmless.</summary>
    public const string DoubleDispose = "doubleDispose";

    /// <summary>A free of a pointer tracked code never allocated: it may come from untracked code.</summary>
    public const string FreeOfUnknownPointer = "freeOfUnknownPointer";

    /// <summary>An array returned to the pool that tracked code did not rent, or returned twice: the two cannot be told apart.</summary>
    public const string DoubleReturn = "doubleReturn";

    private static readonly Dictionary<string, FindingSeverity> Severities = new()
    {
        [UseAfterDispose] = FindingSeverity.Error,
        [UseOfClosedHandle] = FindingSeverity.Error,
        [DoubleFree] = FindingSeverity.Error,
        [FreedPointerPassedToNative] = FindingSeverity.Error,
        [RefcountBelowZero] = FindingSeverity.Error,
        [DoubleDispose] = FindingSeverity.Warning,
        [FreeOfUnknownPointer] = FindingSeverity.Warning,
        [DoubleReturn] = FindingSeverity.Warning,
    };

    /// <summary>Every kind, with its severity.</summary>
    public static IReadOnlyDictionary<string, FindingSeverity> All => Severities;

    public static FindingSeverity SeverityOf(string kind) => Severities[kind];
}
