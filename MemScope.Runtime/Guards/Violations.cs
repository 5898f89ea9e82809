using System;

namespace MemScopeRuntime.Guards;

/// <summary>
/// Where a violation detected while the program runs is counted for the live view and, for an error, may throw into
/// the program: only with MEMSCOPE_ON_VIOLATION=throw, and only after the event was recorded, so the report has it
/// either way. The severities follow .NET semantics (README, "Violations and their severity"): what .NET itself
/// allows is a warning and never throws.
/// </summary>
internal static class Violations
{
    /// <summary>Whether errors throw: MEMSCOPE_ON_VIOLATION=throw, read once; tests switch it to run both policies in one process.</summary>
    internal static bool ThrowOnError { get; set; } = RuntimeSettings.ThrowOnViolation;

    /// <summary>Error: a call on a disposed object, or on a closed SafeHandle (also as a P/Invoke argument).</summary>
    public static void UseAfterDispose(object target, string what)
    {
        Live.LiveCounters.ViolationSeen();
        if (ThrowOnError)
            throw new ObjectDisposedException(target.GetType().FullName, $"MemScope: {what} on an object that was already disposed.");
    }

    /// <summary>Error: a native block or GCHandle freed a second time (the second free never reaches the allocator).</summary>
    public static void DoubleFree(string what) => Error(what);

    /// <summary>Error: a native block passed to native code after tracked code freed it.</summary>
    public static void FreedPointerPassedToNative(string what) => Error(what);

    /// <summary>
    /// Warning: a second disposal of the object. The IDisposable contract requires Dispose to be harmless when called
    /// again, so it is counted and recorded but never thrown, whatever MEMSCOPE_ON_VIOLATION says.
    /// </summary>
    public static void DisposedAgain() => Live.LiveCounters.ViolationSeen();

    private static void Error(string what)
    {
        Live.LiveCounters.ViolationSeen();
        if (ThrowOnError)
            throw new InvalidOperationException("MemScope: " + what);
    }
}
