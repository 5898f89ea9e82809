using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Threading;
using System.Runtime.CompilerServices;
using MemScopeRuntime.Recording;

namespace MemScopeRuntime.Identity;

/// <summary>
/// Gives any object a stable id without changing its type, through a ConditionalWeakTable whose value
/// also notices the object's collection: when the key dies the value becomes unreachable and its
/// finalizer records <see cref="EventKind.Collected"/>.
/// </summary>
internal static class ObjectIdentity
{
    private static readonly ConditionalWeakTable<object, ObjectState> s_states = new();
    private static readonly ConditionalWeakTable<object, ObjectState>.CreateValueCallback s_create = CreateState;

    [ThreadStatic] private static ObjectState? t_created;

    /// <summary>The object's id, created (with an <see cref="EventKind.Identify"/> event) on first sight.</summary>
    public static long IdOf(object obj, int site) => StateOf(obj, site).Id;

    /// <summary>The object's per-object state (id, disposed flag), created on first sight.</summary>
    public static ObjectState StateOf(object obj, int site)
    {
        if (s_states.TryGetValue(obj, out var state))
            return state;

        state = s_states.GetValue(obj, s_create);
        if (ReferenceEquals(state, t_created))
        {
            // This thread's state won any race to be added: only the winner announces the object.
            t_created = null;
            state.Publish();
            Live.LiveCounters.ObjectIdentified();
            Recorder.Append(EventKind.Identify, site, state.Id, PackIdentity(obj));
            if (obj is SafeHandle handle)
                Recorder.Append(EventKind.HandleOpen, site, state.Id, handle.DangerousGetHandle());
        }
        return state;
    }

    /// <summary>The object's state if it has been seen; never creates one.</summary>
    public static bool TryGetState(object obj, [NotNullWhen(true)] out ObjectState? state) => s_states.TryGetValue(obj, out state);

    /// <summary>The object's id if it has one, else 0; never creates one.</summary>
    public static long PeekId(object obj) => s_states.TryGetValue(obj, out var state) ? state.Id : 0;

    private static ObjectState CreateState(object key)
    {
        var state = new ObjectState(IdAllocator.Next());
        t_created = state;
        return state;
    }

    private static long PackIdentity(object obj)
    {
        long typeId = TypeRegistry.IdOf(obj.GetType());
        long size = ObjectSizes.ShallowSizeIfKnown(obj);
        return (Math.Min(size, uint.MaxValue) << 32) | typeId;
    }

    public static (int TypeId, long ShallowSize) UnpackIdentity(long value) => ((int)(value & 0xFFFF_FFFF), (long)((ulong)value >> 32));
}

/// <summary>
/// What MemScope knows online about one object: its id and whether it was disposed. The finalizer
/// runs when the object it belongs to has died, and records that as <see cref="EventKind.Collected"/>.
/// </summary>
internal sealed class ObjectState
{
    public readonly long Id;
    private bool _published;
    private int _disposed;

    public ObjectState(long id) => Id = id;

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    public void Publish() => _published = true;

    /// <summary>True the first time; false when the object was already disposed.</summary>
    public bool MarkDisposed() => Interlocked.Exchange(ref _disposed, 1) == 0;

    ~ObjectState()
    {
        if (_published)
        {
            Recorder.Append(EventKind.Collected, 0, Id, 0);
            Live.LiveCounters.ObjectCollected();
        }
    }
}
