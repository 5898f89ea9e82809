using Microsoft.CodeAnalysis;

namespace MemScopeAnalyzers;

/// <summary>Every diagnostic descriptor MemScope reports; one place so ids, categories and severities stay consistent.</summary>
public static class Descriptors
{
    // The rule pages live beside the analyzer sources; this is their published location.
    private const string HelpLinkBase = "https://github.com/memscope-dotnet/memscope/blob/main/MemScope.Analyzers/docs/rules/";

    private const string Interop = "MemScope.Interop";
    private const string NativeMemory = "MemScope.NativeMemory";
    private const string Unsafe = "MemScope.Unsafe";
    private const string Tracking = "MemScope.Tracking";

    public static readonly DiagnosticDescriptor RawHandleInPInvoke = Create(
        RuleIds.RawHandleInPInvoke,
        "Use a SafeHandle instead of a raw native handle in a P/Invoke signature",
        "{0} of P/Invoke '{1}' is a raw '{2}' handle; a SafeHandle subclass would own and release it",
        Interop,
        DiagnosticSeverity.Info,
        "A handle passed or returned as IntPtr, nint or a pointer has no owner: nothing closes it when an exception is thrown, and it can be closed while another thread still uses it. A SafeHandle subclass closes it exactly once and keeps it alive across the call.");

    public static readonly DiagnosticDescriptor NativeMemoryNotFreed = Create(
        RuleIds.NativeMemoryNotFreed,
        "Native memory is not freed on every path",
        "'{0}' allocated by '{1}' is not freed on every path of '{2}'",
        NativeMemory,
        DiagnosticSeverity.Warning,
        "Memory from Marshal.AllocHGlobal, Marshal.AllocCoTaskMem or NativeMemory.Alloc is invisible to the garbage collector. Unless it is returned, stored or handed to an owner, every path out of the method must free it, normally in a finally block.");

    public static readonly DiagnosticDescriptor PinnedHandleNotFreed = Create(
        RuleIds.PinnedHandleNotFreed,
        "Pinned GCHandle is not freed on every path",
        "Pinned GCHandle '{0}' is not freed on every path of '{1}'",
        NativeMemory,
        DiagnosticSeverity.Warning,
        "A pinned GCHandle keeps its object fixed in memory until Free is called; a missed Free leaks the object and fragments the heap for the rest of the process.");

    public static readonly DiagnosticDescriptor PooledArrayNotReturned = Create(
        RuleIds.PooledArrayNotReturned,
        "Rented array is not returned to its pool on every path",
        "Array '{0}' rented from '{1}' is not returned on every path of '{2}'",
        NativeMemory,
        DiagnosticSeverity.Warning,
        "An array rented from ArrayPool<T> and never returned defeats the pool: every later Rent allocates again. Return it in a finally block unless ownership moves elsewhere.");

    public static readonly DiagnosticDescriptor PinnedPointerEscapes = Create(
        RuleIds.PinnedPointerEscapes,
        "Pointer outlives the pin that makes it valid",
        "Pointer '{0}' pinned by {1} is {2}; it outlives the pin",
        Unsafe,
        DiagnosticSeverity.Warning,
        "A pointer from a fixed statement or a pinned GCHandle is valid only while the pin lasts. Once stored in a field, returned, captured or kept in an outer variable, the garbage collector may move the object and the pointer silently refers to other data.");

    public static readonly DiagnosticDescriptor UnboundedStackAlloc = Create(
        RuleIds.UnboundedStackAlloc,
        "stackalloc size is neither a small constant nor bounded by a check",
        "stackalloc of '{0}' in '{1}' has size '{2}', which is not bounded; large or hostile sizes overflow the stack",
        Unsafe,
        DiagnosticSeverity.Warning,
        "Stack overflow cannot be caught and ends the process. Allocate on the stack only a small constant size, or a size checked against a small limit, and fall back to the heap or a pool above it.");

    public static readonly DiagnosticDescriptor DangerousGetHandleUnguarded = Create(
        RuleIds.DangerousGetHandleUnguarded,
        "DangerousGetHandle is used without DangerousAddRef and DangerousRelease",
        "'{0}.DangerousGetHandle()' is not guarded by DangerousAddRef and DangerousRelease in a finally block",
        Interop,
        DiagnosticSeverity.Warning,
        "The raw value from DangerousGetHandle can be closed and recycled by another thread while it is in use. DangerousAddRef before and DangerousRelease in a finally block keep the handle open for exactly that span.");

    public static readonly DiagnosticDescriptor LastErrorWithoutSetLastError = Create(
        RuleIds.LastErrorWithoutSetLastError,
        "Last P/Invoke error read after a P/Invoke declared without SetLastError",
        "'{0}' reads the last error after P/Invoke '{1}', which is declared without SetLastError = true; the value is stale",
        Interop,
        DiagnosticSeverity.Warning,
        "The runtime saves the native error code only for P/Invokes declared with SetLastError = true. Without it, GetLastWin32Error and GetLastPInvokeError return whatever an earlier call left behind.");

    public static readonly DiagnosticDescriptor ImplicitStringMarshalling = Create(
        RuleIds.ImplicitStringMarshalling,
        "P/Invoke marshals strings with an implicit character set",
        "P/Invoke '{0}' marshals '{1}' without an explicit CharSet, StringMarshalling or MarshalAs",
        Interop,
        DiagnosticSeverity.Warning,
        "DllImport defaults to ANSI, which loses characters outside the current code page on Windows and differs between platforms. State the encoding with CharSet, StringMarshalling or MarshalAs so the native side receives what it expects.");

    public static readonly DiagnosticDescriptor UnsafeCodeInTrackedScope = Create(
        RuleIds.UnsafeCodeInTrackedScope,
        "Unsafe code in a [Tracked] scope is invisible to tracking",
        "'{0}' is [Tracked] but uses {1}; MemScope cannot see memory reached through pointers",
        Tracking,
        DiagnosticSeverity.Info,
        "Runtime tracking records objects, handles and native allocations made through known APIs. Memory read or written through pointers is not recorded, so reports for this scope are incomplete.");

    public static readonly DiagnosticDescriptor TrackedHasNoEffect = Create(
        RuleIds.TrackedHasNoEffect,
        "[Tracked] is placed where the weaver cannot act",
        "[Tracked] on '{0}' has no effect: {1}",
        Tracking,
        DiagnosticSeverity.Warning,
        "The MemScope weaver rewrites method bodies and object identities. Members without a body and stack-only types give it nothing to rewrite, so the attribute promises tracking that never happens.");

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description) =>
        new DiagnosticDescriptor(id, title, message, category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLinkBase + id + ".md");
}
