namespace MemScopeTrace.Model;

/// <summary>What a <see cref="TraceEvent"/> records. Values are part of the trace format: never renumber.</summary>
public enum EventKind : byte
{
    None = 0,
    /// <summary>An object was created at a site. Value: an <see cref="IdentityValue"/> (type, size, whether its collection is watched).</summary>
    Alloc = 1,
    /// <summary>
    /// An object was stored into a local or field. ObjectId: the object, 0 for null, -1 for an object MemScope does not follow
    /// (a foreign object left out by sampling). Value: id of the object the slot held before, or 0.
    /// </summary>
    Bind = 2,
    /// <summary>A local that held the object went out of scope (method exit, normal or exceptional).</summary>
    ScopeEnd = 3,
    /// <summary>The GC reclaimed the object.</summary>
    Collected = 4,
    /// <summary>First sighting of an object not seen at its allocation. Value: an <see cref="IdentityValue"/>.</summary>
    Identify = 5,

    /// <summary>Dispose (or DisposeAsync, or Close) ran for the first time.</summary>
    Dispose = 6,
    /// <summary>Dispose ran again on an object already disposed.</summary>
    DisposeAgain = 7,
    /// <summary>A member was called on a disposed object. Site: the call.</summary>
    UseAfterDispose = 8,
    /// <summary>The object's finalizer ran.</summary>
    Finalized = 9,

    /// <summary>A SafeHandle was first seen. Value: the raw handle.</summary>
    HandleOpen = 10,
    HandleAddRef = 11,
    HandleRelease = 12,
    /// <summary>Close or Dispose ran on the handle for the first time.</summary>
    HandleClose = 13,
    HandleSetInvalid = 14,
    /// <summary>DangerousGetHandle was called. Value: the raw handle.</summary>
    HandleGet = 15,
    /// <summary>A member of an already closed handle was called. Site: the call.</summary>
    HandleUseClosed = 16,

    /// <summary>Native memory was allocated. ObjectId: the address; Value: bytes.</summary>
    NativeAlloc = 17,
    /// <summary>Native memory was freed. ObjectId: the address; Value: a <see cref="FreeOutcome"/>.</summary>
    NativeFree = 18,
    /// <summary>A block was reallocated. ObjectId: the old address; Value: the new one (followed by its NativeAlloc).</summary>
    NativeRealloc = 19,
    /// <summary>A GCHandle was allocated. ObjectId: the handle; Value: its GCHandleType.</summary>
    PinAlloc = 20,
    /// <summary>A GCHandle was freed. ObjectId: the handle; Value: a <see cref="FreeOutcome"/>.</summary>
    PinFree = 21,
    /// <summary>An array was rented from an ArrayPool. ObjectId: the array; Value: its length.</summary>
    PoolRent = 22,
    /// <summary>An array was returned to an ArrayPool. ObjectId: the array; Value: a <see cref="FreeOutcome"/>.</summary>
    PoolReturn = 23,

    /// <summary>A P/Invoke call began. Site: the call (library and entry point in the site table).</summary>
    PInvokeEnter = 24,
    /// <summary>A P/Invoke call returned. Value: its duration in Stopwatch ticks.</summary>
    PInvokeExit = 25,
    /// <summary>A pointer or handle argument of a P/Invoke call. ObjectId: the address, or the handle's object id; Value: see <see cref="PInvokeArgument"/>.</summary>
    PInvokeArg = 26,

    /// <summary>The thread's events from here on run under another System.Diagnostics.Activity. ObjectId: its id in the recording's activities, 0 for none.</summary>
    ActivityChange = 27,

    /// <summary>A handler was added to an event (`publisher.Changed += handler`). ObjectId: the handler's target (the subscriber), 0 for a static method; Value: the publisher's id, 0 for a static event.</summary>
    Subscribe = 28,
    /// <summary>A handler was removed from an event; same fields as <see cref="Subscribe"/>.</summary>
    Unsubscribe = 29,
}

/// <summary>What a free, a GCHandle free or a pool return found.</summary>
public enum FreeOutcome : long
{
    Released = 0,
    /// <summary>Already freed: the shim did not pass it to the allocator.</summary>
    DoubleFree = 1,
    /// <summary>Never allocated by tracked code: passed on, since untracked code may own it.</summary>
    Unknown = 2,
}

/// <summary>Packs a P/Invoke argument's index (low 16 bits) and what the runtime found (flags above).</summary>
public static class PInvokeArgument
{
    public const long IsHandle = 1 << 16;
    public const long FreedPointer = 1 << 17;
    public const long ClosedHandle = 1 << 18;

    public static long Pack(int index, long flags) => (long)(ushort)index | flags;

    public static int Index(long value) => (int)(value & 0xFFFF);
}
