using System.Collections.Generic;
using System.Linq;

namespace MemScopeCli.Analysis;

/// <summary>One kind of finding as a rule of the SARIF output: id, a short name, one-line and full descriptions, and what to do.</summary>
internal sealed record FindingRule(string Id, string Name, string ShortDescription, string FullDescription, string Help, string DefaultLevel, FindingCategory Category);

/// <summary>
/// Every kind of finding the lifecycle analysis and the growth detector report, described for a reader who has
/// never heard of MemScope: code-scanning tools show these texts beside the annotated line. A kind that a newer
/// runtime adds and this list does not know still gets a rule, with a generic text.
/// </summary>
internal static class FindingRules
{
    public static readonly IReadOnlyList<FindingRule> Known =
    [
        Leak("undisposed", "UndisposedObject", "Disposable object never disposed",
            "An IDisposable that tracked code created was never disposed: it was collected without Dispose, or was still alive when the recording ended.",
            "Dispose the object when its owner is done with it: a `using` declaration or statement where it is created, or a call in the owner's own Dispose. Until then whatever it holds (a file, a socket, a buffer from a pool, native memory) stays taken, or is released only by a finalizer at an unknown later time."),
        Leak("overwrittenUndisposed", "OverwrittenUndisposedField", "Disposable field overwritten while undisposed",
            "A field that held an undisposed IDisposable was given a new value, so nothing can dispose the old object any more.",
            "Dispose the old value before replacing it (for example `old = field; field = next; old?.Dispose();`), or make the field's owner the only one that assigns it."),
        Leak("safeHandle", "SafeHandleNeverClosed", "SafeHandle never closed",
            "A SafeHandle that tracked code created was never disposed or closed; its native resource is released only if and when the finalizer runs.",
            "Dispose the handle, or the object that owns it, as soon as the resource is no longer needed: a `using` or the owner's Dispose."),
        Leak("handleReference", "SafeHandleClosedWithReferenceAdded", "SafeHandle closed with a reference still added",
            "A SafeHandle was closed while a DangerousAddRef had not been matched by DangerousRelease: the handle releases its resource only when the last reference goes, so ReleaseHandle never runs.",
            "Release every DangerousAddRef with DangerousRelease in a `finally` block (`bool added = false; try { handle.DangerousAddRef(ref added); … } finally { if (added) handle.DangerousRelease(); }`)."),
        Leak("nativeBlock", "NativeMemoryNeverFreed", "Native memory never freed",
            "A block from Marshal.AllocHGlobal, Marshal.AllocCoTaskMem or NativeMemory.Alloc was still allocated when the recording ended. The GC never reclaims native memory.",
            "Free the block with the call that matches its allocation (Marshal.FreeHGlobal, Marshal.FreeCoTaskMem, NativeMemory.Free), in a `finally` block, or wrap it in a SafeHandle whose ReleaseHandle frees it."),
        Leak("gcHandle", "GCHandleNeverFreed", "GCHandle never freed",
            "GCHandle.Alloc without GCHandle.Free: the target stays reachable, and pinned for a Pinned handle, for the rest of the process.",
            "Call Free on the handle once native code no longer needs the object, in a `finally` block if anything in between can throw."),
        Leak("poolArray", "PooledArrayNeverReturned", "Pooled array never returned",
            "An array rented from an ArrayPool was never returned: the pool allocates a replacement, so pooling saves nothing and memory grows.",
            "Return the array with ArrayPool<T>.Return in a `finally` block once the code that rented it is done with it."),
        Violation("doubleDispose", "DisposedTwice", "Object disposed twice",
            "Dispose ran a second time on an object that was already disposed.",
            "The IDisposable contract makes a second Dispose harmless for a correct implementation, but it usually means two owners each believe they own the object. Give the object one owner; the related location shows the first Dispose."),
        Violation("useAfterDispose", "UseAfterDispose", "Member used after Dispose",
            "A member of an object was called after the object was disposed; it may throw ObjectDisposedException or work on released resources.",
            "Stop using the object once it is disposed, or dispose it later, when its last user is done. The related location shows where it was disposed."),
        Violation("useOfClosedHandle", "UseOfClosedHandle", "SafeHandle used after it was closed",
            "A SafeHandle was used, or passed to native code, after it was closed.",
            "Close the handle only after its last use; the related location shows where it was closed."),
        Violation("doubleFree", "DoubleFree", "Native memory or GCHandle freed twice",
            "A native block or GCHandle was freed a second time. MemScope's shim stopped this free before it reached the allocator; without MemScope it would corrupt the native heap.",
            "Give the block one owner that frees it once, and clear the pointer after freeing it. The related location shows the first free."),
        Violation("freeOfUnknownPointer", "FreeOfUnknownPointer", "Free of memory tracked code did not allocate",
            "A pointer or GCHandle that tracked code never allocated was freed. It may belong to untracked code (then this is fine), or be a stale or computed pointer.",
            "Check that the pointer comes from the allocation it is meant to free; if untracked code allocated it, track that code too or ignore this warning.",
            "warning"),
        Violation("freedPointerPassedToNative", "FreedPointerPassedToNative", "Freed pointer passed to native code",
            "A native block was passed to a P/Invoke after it was freed: native code then reads or writes memory that may already belong to another allocation.",
            "Call native code with the block before freeing it, or allocate a new block; the related location shows where it was freed."),
        Violation("doubleReturn", "ArrayReturnedTwice", "Array returned to its pool twice, or never rented",
            "An array was returned to an ArrayPool that tracked code did not rent it from, or was returned a second time: two renters may then get the same array.",
            "Return each rented array exactly once, and only to the pool it came from; do not keep using it after Return."),
        Violation("refcountBelowZero", "HandleReleasedBelowZero", "SafeHandle released more than it was added",
            "DangerousRelease was called without a matching DangerousAddRef: the handle may be released while other code still uses it.",
            "Pair every DangerousRelease with a successful DangerousAddRef (`bool added = false; handle.DangerousAddRef(ref added); try { … } finally { if (added) handle.DangerousRelease(); }`)."),
        new FindingRule("growth.type", "GrowingType", "Memory of a type growing over time",
            "Live bytes of a type grew steadily over the recording (a linear fit of its live bytes over time), and the recording ended near its peak.",
            "A cache, list, dictionary or event that only ever gains entries is the usual cause. The location is where the growing objects were allocated; bound the collection, remove entries when they are done, or unsubscribe handlers.",
            "warning", FindingCategory.Growth),
    ];

    private static readonly Dictionary<string, FindingRule> ById = Known.ToDictionary(r => r.Id);

    public static string Id(FindingCategory category, string kind) => $"{Prefix(category)}.{kind}";

    public static FindingRule For(Finding finding) =>
        ById.TryGetValue(finding.RuleId, out var rule)
            ? rule
            : new FindingRule(finding.RuleId, finding.Kind, $"{finding.Kind} ({Prefix(finding.Category)})",
                $"A {Prefix(finding.Category)} of kind '{finding.Kind}' found by MemScope's analysis of the recording.",
                "See the message of each result, and the MemScope report of the recording for its evidence.",
                finding.Level, finding.Category);

    private static string Prefix(FindingCategory category) => category switch
    {
        FindingCategory.Leak => "leak",
        FindingCategory.Violation => "violation",
        _ => "growth",
    };

    private static FindingRule Leak(string kind, string name, string shortDescription, string fullDescription, string help) =>
        new($"leak.{kind}", name, shortDescription, fullDescription, help, "error", FindingCategory.Leak);

    private static FindingRule Violation(string kind, string name, string shortDescription, string fullDescription, string help, string level = "error") =>
        new($"violation.{kind}", name, shortDescription, fullDescription, help, level, FindingCategory.Violation);
}
