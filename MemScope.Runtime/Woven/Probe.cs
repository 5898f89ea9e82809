using System;
using System.ComponentModel;
using MemScopeRuntime.Capture;
using MemScopeRuntime.Identity;
using MemScopeRuntime.Sites;
using MemScopeTrace.Model;

namespace MemScopeRuntime;

/// <summary>
/// The calls MemScope.Fody injects into tracked code. Not for hand-written code: the signatures
/// are a contract with the weaver. Each call is guarded so that a fault inside MemScope is
/// counted and never reaches the tracked program.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class Probe
{
    private static readonly bool s_enabled = RuntimeSettings.Enabled;
    private static readonly int s_sampleOneIn = RuntimeSettings.SampleOneIn;

    /// <summary>Called once per woven assembly; starts the session and returns the assembly's first site id.</summary>
    public static int RegisterModule(Type anchor, int siteCount)
    {
        if (!s_enabled)
            return 0;
        try
        {
            Session.EnsureStarted();
            return ModuleRegistry.Register(anchor.Assembly, siteCount);
        }
        catch (Exception e)
        {
            InternalFaults.Fault(e);
            return 0;
        }
    }

    /// <summary>An object was constructed at a tracked site: its size is its type's instance size, exact for a fixed-size class.</summary>
    public static void Alloc(object? obj, int site)
    {
        if (!s_enabled || obj is null || !AllocationSampler.Take(s_sampleOneIn))
            return;
        try
        {
            ActivityRegistry.NoteCurrent(site);
            ObjectIdentity.Allocated(obj, site, size: -1);
        }
        catch (Exception e)
        {
            InternalFaults.Fault(e);
        }
    }

    public static void AllocArray(Array? array, int elementSize, int site)
    {
        if (!s_enabled || array is null || !AllocationSampler.Take(s_sampleOneIn))
            return;
        try
        {
            ActivityRegistry.NoteCurrent(site);
            ObjectIdentity.Allocated(array, site, ObjectSizes.Array(array.LongLength, elementSize));
        }
        catch (Exception e)
        {
            InternalFaults.Fault(e);
        }
    }

    /// <summary>A string was constructed: its size follows from its length, exactly.</summary>
    public static void AllocString(string? text, int site)
    {
        if (!s_enabled || text is null || !AllocationSampler.Take(s_sampleOneIn))
            return;
        try
        {
            ActivityRegistry.NoteCurrent(site);
            ObjectIdentity.Allocated(text, site, ObjectSizes.String(text.Length));
        }
        catch (Exception e)
        {
            InternalFaults.Fault(e);
        }
    }

    /// <summary>
    /// An object an allocation API returned in tracked code, whose shape is known only now (Array.CreateInstance,
    /// Array.Clone, Activator.CreateInstance, RuntimeHelpers.GetUninitializedObject): an array or a string is sized
    /// from its length, any other object from its type. A boxed struct is not followed (boxing is no allocation site).
    /// </summary>
    public static void AllocAny(object? obj, int site)
    {
        if (!s_enabled || obj is null or ValueType || !AllocationSampler.Take(s_sampleOneIn))
            return;
        try
        {
            ActivityRegistry.NoteCurrent(site);
            ObjectIdentity.Allocated(obj, site, obj switch
            {
                string text => ObjectSizes.String(text.Length),
                Array array => ObjectSizes.Array(array),
                _ => -1,
            });
        }
        catch (Exception e)
        {
            InternalFaults.Fault(e);
        }
    }

    /// <summary>
    /// MemberwiseClone in tracked code returned <paramref name="clone"/>: a new object, recorded like a constructed one.
    /// Its copy of the original's id field is cleared first, so it gets an id of its own.
    /// </summary>
    public static void AllocClone(object? clone, int site)
    {
        Cloned(clone);
        AllocAny(clone, site);
    }

    /// <summary>MemberwiseClone in untracked code: the clone keeps no copy of its original's id; it gets its own when it is first seen.</summary>
    public static void Cloned(object? clone)
    {
        // The clone was made by this thread a moment ago: no other thread can be naming it.
        if (clone is ITrackedObject tracked)
            tracked.MemScopeId() = 0;
    }

    /// <summary>
    /// A reference was stored into a tracked local or field, replacing <paramref name="previous"/>.
    /// A null replacing an object ends that object's holding (the compiler clears hoisted locals this way).
    /// </summary>
    public static void Bind(object? value, object? previous, int site)
    {
        // A generic local or field holding a struct arrives boxed: a fresh box each time, not an object the program holds.
        if (value is ValueType)
            value = null;
        if (previous is ValueType)
            previous = null;
        if (!s_enabled || ReferenceEquals(value, previous))
            return;
        try
        {
            long previousId = previous is null ? 0 : ObjectIdentity.PeekId(previous, site);
            long valueId = value is null ? 0 : ObjectIdentity.FollowedIdOf(value, site);
            if (valueId > 0 || previousId != 0)
                Recorder.Append(EventKind.Bind, site, valueId, previousId);
        }
        catch (Exception e)
        {
            InternalFaults.Fault(e);
        }
    }

    /// <summary>The local that held <paramref name="obj"/> went out of scope.</summary>
    public static void ScopeEnd(object? obj, int site)
    {
        if (!s_enabled || obj is null or ValueType)
            return;
        try
        {
            long id = ObjectIdentity.PeekId(obj, site);
            if (id > 0)
                Recorder.Append(EventKind.ScopeEnd, site, id, 0);
        }
        catch (Exception e)
        {
            InternalFaults.Fault(e);
        }
    }
}
