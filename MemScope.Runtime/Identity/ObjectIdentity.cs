using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using MemScopeRuntime.Capture;
using MemScopeTrace.Model;

namespace MemScopeRuntime.Identity;

/// <summary>
/// Gives objects stable ids. A woven class (<see cref="ITrackedObject"/>) carries its id in an injected field, read in
/// a nanosecond; any other object gets one through a ConditionalWeakTable entry. Objects whose collection is watched
/// (<see cref="CollectionWatch"/>) also get an <see cref="ObjectState"/> in that table, whose finalizer records
/// <see cref="EventKind.Collected"/> once the object is gone.
/// </summary>
internal static class ObjectIdentity
{
    /// <summary>The id a bind records for an object MemScope does not follow (a foreign object its site's sampling left out).</summary>
    public const long NotFollowed = -1;

    private static readonly ConditionalWeakTable<object, ObjectState> s_states = new();
    private static readonly ConditionalWeakTable<object, ObjectState>.CreateValueCallback s_create = _ => new ObjectState(0);

    /// <summary>An object created at an allocation site: one <see cref="EventKind.Alloc"/> event names it, sizes it and says whether its collection is watched.</summary>
    public static void Allocated(object obj, int site, long size)
    {
        var siteType = SiteTypes.Of(obj, site);
        var thisThread = Recorder.ThisThread;
        int weight = CollectionWatch.WeightFor(siteType, thisThread);
        long id;
        if (obj is ITrackedObject tracked)
        {
            ref long slot = ref tracked.MemScopeId();
            id = slot;
            // A plain store: the constructor has just returned on this thread, so no other thread is naming the object.
            if (id == 0)
                slot = id = IdAllocator.Next(thisThread);
            if (weight != 0)
                WatchTracked(obj, id, siteType);
        }
        else if (weight != 0)
        {
            id = StateOf(obj, out _).Id;
        }
        else
        {
            id = IdAllocator.Next(thisThread); // counted here, followed no further
        }
        Recorder.Append(thisThread, EventKind.Alloc, site, id, new IdentityValue(siteType.TypeId, size >= 0 ? size : siteType.BaseSize, weight).Pack());
        if (siteType.IsSafeHandle)
            AnnounceHandle(obj, site, id);
    }

    /// <summary>The object's id, identifying it (an <see cref="EventKind.Identify"/> event, its collection watched) on first sight.</summary>
    public static long IdOf(object obj, int site) => IdOf(obj, site, always: true);

    /// <summary>
    /// The id a store into a variable records: like <see cref="IdOf(object, int)"/>, but an object first seen here is
    /// followed only as <see cref="CollectionWatch"/> decides; else <see cref="NotFollowed"/>.
    /// </summary>
    public static long FollowedIdOf(object obj, int site) =>
        obj is string && !StringsFollowedAt(obj, site) ? NotFollowed : IdOf(obj, site, always: false);

    /// <summary>The object's id if it has one, else 0; never creates one. A site past its string budget does not look strings up.</summary>
    public static long PeekId(object obj, int site) => obj is string && !StringsFollowedAt(obj, site) ? 0 : PeekId(obj);

    /// <summary>
    /// Strings are counted where tracked code allocates them, but following them through variables costs a table lookup
    /// per store, and a hot loop stores millions: each site follows strings for its first
    /// <see cref="RuntimeSettings.ExactWatchPerSite"/> uses, then stops looking them up.
    /// </summary>
    private static bool StringsFollowedAt(object text, int site)
    {
        var siteType = SiteTypes.Of(text, site);
        if (siteType.Seen >= RuntimeSettings.ExactWatchPerSite)
            return false;
        siteType.Seen++;
        return true;
    }

    private static long IdOf(object obj, int site, bool always)
    {
        if (obj is ITrackedObject tracked)
        {
            long known = Volatile.Read(ref tracked.MemScopeId());
            return known != 0 ? known : IdentifyTracked(obj, ref tracked.MemScopeId(), site, always);
        }
        if (s_states.TryGetValue(obj, out var state) && state.Id != 0)
            return state.Id;
        return IdentifyForeign(obj, site, always);
    }

    /// <summary>The per-object state (id, disposed flag) of an object whose lifecycle matters, created on first sight.</summary>
    public static ObjectState StateOf(object obj, int site)
    {
        if (s_states.TryGetValue(obj, out var state) && state.Id != 0)
            return state;
        long id = IdOf(obj, site, always: true);
        if (s_states.TryGetValue(obj, out state) && state.Id != 0)
            return state;
        // A woven object seen before but not watched (a sampled-out plain object that turned out to matter).
        return Watch(obj, id);
    }

    /// <summary>
    /// The ids of watched objects still alive: the keys of the state table that the GC has not cleared. At exit no
    /// finalizer runs, so a watched object collected then never records Collected itself; this says which are gone.
    /// </summary>
    public static HashSet<long> WatchedAlive()
    {
        var alive = new HashSet<long>();
        foreach (var (_, state) in s_states)
        {
            if (state.Id != 0)
                alive.Add(state.Id);
        }
        WeakWatches.AddAlive(alive);
        return alive;
    }

    /// <summary>The object's state if it has one; never creates one.</summary>
    public static bool TryGetState(object obj, [NotNullWhen(true)] out ObjectState? state) =>
        s_states.TryGetValue(obj, out state) && state.Id != 0;

    /// <summary>The object's id if it has one, else 0; never creates one.</summary>
    public static long PeekId(object obj)
    {
        if (obj is ITrackedObject tracked)
            return Volatile.Read(ref tracked.MemScopeId());
        return s_states.TryGetValue(obj, out var state) ? state.Id : 0;
    }

    private static long IdentifyTracked(object obj, ref long slot, int site, bool always)
    {
        var siteType = SiteTypes.Of(obj, site);
        int weight = always ? 1 : CollectionWatch.WeightFor(siteType);
        long id = IdAllocator.Next();
        long won = Interlocked.CompareExchange(ref slot, id, 0);
        if (won != 0)
            return won; // another thread named it first and announced it
        if (weight != 0)
            WatchTracked(obj, id, siteType);
        Announce(obj, site, id, siteType, weight);
        return id;
    }

    private static long IdentifyForeign(object obj, int site, bool always)
    {
        var siteType = SiteTypes.Of(obj, site);
        int weight = always ? 1 : CollectionWatch.WeightFor(siteType);
        if (weight == 0)
            return NotFollowed;
        var state = StateOf(obj, out bool created);
        if (created)
            Announce(obj, site, state.Id, siteType, weight);
        return state.Id;
    }

    /// <summary>The state of a foreign object, created with a fresh id if it has none; exactly one caller sees <paramref name="created"/>.</summary>
    private static ObjectState StateOf(object obj, out bool created)
    {
        var state = s_states.GetValue(obj, s_create);
        created = state.TryName(IdAllocator.Next());
        return state;
    }

    /// <summary>
    /// Watches a woven object's collection. Its id lives in its own field, so an object whose lifecycle does not matter
    /// needs only a weak handle; a disposable or handle gets its state in the table, which its probes use.
    /// </summary>
    private static void WatchTracked(object obj, long id, SiteType siteType)
    {
        if (siteType.LifecycleMatters)
            Watch(obj, id);
        else
            WeakWatches.Add(obj, id);
    }

    /// <summary>Watches an object's collection through the state table: the state carries the id for its finalizer.</summary>
    private static ObjectState Watch(object obj, long id)
    {
        var state = s_states.GetValue(obj, s_create);
        state.TryName(id);
        return state;
    }

    private static void Announce(object obj, int site, long id, SiteType siteType, int weight)
    {
        long size = siteType.BaseSize > 0 ? siteType.BaseSize : ObjectSizes.ShallowSizeIfKnown(obj);
        Recorder.Append(EventKind.Identify, site, id, new IdentityValue(siteType.TypeId, size, weight).Pack());
        AnnounceHandle(obj, site, id);
    }

    private static void AnnounceHandle(object obj, int site, long id)
    {
        if (obj is SafeHandle handle)
            Recorder.Append(EventKind.HandleOpen, site, id, handle.DangerousGetHandle());
    }
}

/// <summary>
/// What MemScope knows online about one watched object: its id, whether it was disposed and whether a disposal of it is running. The finalizer runs when
/// the object it belongs to has died, and records that as <see cref="EventKind.Collected"/>.
/// </summary>
internal sealed class ObjectState
{
    private long _id;
    private int _disposed;
    private int _disposalDepth;

    public ObjectState(long id) => _id = id;

    /// <summary>0 while the state is being named by the thread that created it.</summary>
    public long Id => Volatile.Read(ref _id);

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Gives the state its id unless it has one: true for exactly one caller, the one that announces the object.</summary>
    public bool TryName(long id)
    {
        if (Volatile.Read(ref _id) != 0 || Interlocked.CompareExchange(ref _id, id, 0) != 0)
            return false;
        Live.LiveCounters.ObjectIdentified();
        return true;
    }

    /// <summary>True the first time; false when the object was already disposed.</summary>
    public bool MarkDisposed() => Interlocked.Exchange(ref _disposed, 1) == 0;

    /// <summary>
    /// A disposal method of the object started (Dispose, Close, Dispose(true), DisposeAsync…): true when no other one is
    /// running, so that the methods one disposal goes through (Dispose → Close → Dispose(true)) count as one disposal.
    /// </summary>
    public bool BeginDisposal() => Interlocked.Increment(ref _disposalDepth) == 1;

    /// <summary>A disposal method counted by <see cref="BeginDisposal"/> ended; never goes below zero.</summary>
    public void EndDisposal()
    {
        int depth;
        do
        {
            depth = Volatile.Read(ref _disposalDepth);
            if (depth <= 0)
                return;
        }
        while (Interlocked.CompareExchange(ref _disposalDepth, depth - 1, depth) != depth);
    }

    ~ObjectState()
    {
        if (_id != 0)
        {
            Recorder.AppendSynced(EventKind.Collected, 0, _id, 0);
            Live.LiveCounters.ObjectCollected();
        }
    }
}
