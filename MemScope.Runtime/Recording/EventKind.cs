namespace MemScopeRuntime.Recording;

/// <summary>What a <see cref="TraceEvent"/> records. Values are part of the trace format: never renumber.</summary>
public enum EventKind : byte
{
    None = 0,
    /// <summary>An object was created at a site. Value: bytes allocated.</summary>
    Alloc = 1,
    /// <summary>An object was stored into a local or field. Value: id of the object the slot held before (fields), or 0.</summary>
    Bind = 2,
    /// <summary>A local that held the object went out of scope (method exit, normal or exceptional).</summary>
    ScopeEnd = 3,
    /// <summary>The GC reclaimed the object.</summary>
    Collected = 4,
    /// <summary>First sighting of an object: Value packs the type id (low 32 bits) and its shallow size when known (high 32 bits).</summary>
    Identify = 5,
}
