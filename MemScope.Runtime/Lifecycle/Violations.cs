using System;

namespace MemScopeRuntime.Lifecycle;

/// <summary>
/// Where a detected violation is counted for the live view and may throw into the program: only with
/// MEMSCOPE_ON_VIOLATION=throw, and only after the event was recorded, so the report has it either way.
/// </summary>
internal static class Violations
{
    public static void UseAfterDispose(object target, string what)
    {
        Live.LiveCounters.ViolationSeen();
        if (RuntimeSettings.ThrowOnViolation)
            throw new ObjectDisposedException(target.GetType().FullName, $"MemScope: {what} on an object that was already disposed.");
    }

    /// <summary>
    /// A second disposal of the object. The IDisposable contract requires Dispose to be harmless when called again,
    /// so it is counted and recorded but never thrown, whatever MEMSCOPE_ON_VIOLATION says.
    /// </summary>
    public static void DisposedAgain() => Live.LiveCounters.ViolationSeen();

    public static void Other(string what)
    {
        Live.LiveCounters.ViolationSeen();
        if (RuntimeSettings.ThrowOnViolation)
            throw new InvalidOperationException("MemScope: " + what);
    }
}
