using System;
using System.Runtime.InteropServices;
using MemScopeRuntime.Capture;
using MemScopeRuntime.Guards;
using MemScopeRuntime.Identity;
using MemScopeTrace.Model;

namespace MemScopeRuntime;

// Disposables and SafeHandles: the per-object disposed flag and disposal depth are the only online state.
public static partial class Probe
{
    // A Dispose call site in tracked code on a type that records its own disposal hands its site to
    // that Dispose, so the report names the line that called Dispose rather than the Dispose method.
    [ThreadStatic] private static object? t_disposeCaller;
    [ThreadStatic] private static int t_disposeCallerSite;

    /// <summary>
    /// A disposal of an object whose Dispose is not woven: a Dispose or Close call in tracked code on a foreign
    /// disposable. Records Dispose (HandleClose for a SafeHandle) the first time, DisposeAgain after that; nothing for an
    /// object the framework shares with every caller (<see cref="SharedInstances"/>).
    /// </summary>
    public static void Disposing(object? obj, int site)
    {
        if (!s_enabled || obj is null)
            return;
        site = LentSite(obj, site);
        try
        {
            if (SharedInstances.Contains(obj))
                return;
            var state = ObjectIdentity.StateOf(obj, site);
            RecordDisposal(obj, state, site);
        }
        catch (Exception e)
        {
            InternalFaults.Fault(e);
        }
    }

    /// <summary>
    /// Entry of a disposal method of a woven tracked type: Dispose(), Close(), DisposeAsync(), DisposeAsyncCore() or an
    /// explicit IDisposable/IAsyncDisposable implementation. Only the outermost disposal method running for the object
    /// records (Dispose → Close → Dispose(true) is one disposal); a later one records DisposeAgain. Returns whether the
    /// call was counted: then the woven code calls <see cref="DisposeExit"/> when the method ends, returned or thrown.
    /// </summary>
    public static bool DisposeEnter(object? obj, int site)
    {
        if (!s_enabled || obj is null)
            return false;
        site = LentSite(obj, site);
        ObjectState state;
        try
        {
            state = ObjectIdentity.StateOf(obj, site);
        }
        catch (Exception e)
        {
            InternalFaults.Fault(e);
            return false;
        }
        if (state.BeginDisposal())
        {
            try
            {
                RecordDisposal(obj, state, site);
            }
            catch (Exception e)
            {
                InternalFaults.Fault(e);
            }
        }
        return true;
    }

    /// <summary>Entry of <c>Dispose(bool disposing)</c> of a woven tracked type: a disposal only when <paramref name="disposing"/> is true.</summary>
    public static bool DisposeEnter(object? obj, bool disposing, int site) => disposing && DisposeEnter(obj, site);

    /// <summary>A disposal method that <see cref="DisposeEnter(object?, int)"/> counted ended (for an async one: its task completed).</summary>
    public static void DisposeExit(object? obj, bool entered)
    {
        if (!s_enabled || !entered || obj is null)
            return;
        try
        {
            if (ObjectIdentity.TryGetState(obj, out var state))
                state.EndDisposal();
        }
        catch (Exception e)
        {
            InternalFaults.Fault(e);
        }
    }

    /// <summary>The site of the Dispose call in tracked code that led here, if it was a call on this object; else <paramref name="site"/>.</summary>
    private static int LentSite(object obj, int site)
    {
        if (ReferenceEquals(t_disposeCaller, obj))
            site = t_disposeCallerSite;
        t_disposeCaller = null;
        return site;
    }

    private static void RecordDisposal(object obj, ObjectState state, int site)
    {
        bool first = state.MarkDisposed();
        var kind = !first ? EventKind.DisposeAgain : obj is SafeHandle ? EventKind.HandleClose : EventKind.Dispose;
        Recorder.Append(kind, site, state.Id, 0);
        if (!first)
            Violations.DisposedAgain();
    }

    /// <summary>
    /// A Dispose call site in tracked code. Types woven as tracked disposables record their own disposal
    /// (so calls from untracked code count too); for them the call site only lends its line, to avoid counting twice.
    /// </summary>
    public static void DisposeCall(object? obj, int site)
    {
        if (!s_enabled || obj is null)
            return;
        bool recordsOwnDisposal;
        try
        {
            recordsOwnDisposal = WovenTypes.RecordsOwnDisposal(obj.GetType());
        }
        catch (Exception e)
        {
            InternalFaults.Fault(e);
            return;
        }
        if (recordsOwnDisposal)
        {
            t_disposeCaller = obj;
            t_disposeCallerSite = site;
            return;
        }
        Disposing(obj, site);
    }

    /// <summary>Before a call on a disposable object in tracked code: was it already disposed?</summary>
    public static void CheckUse(object? obj, int site)
    {
        if (!s_enabled || obj is null)
            return;
        try
        {
            if (!ObjectIdentity.TryGetState(obj, out var state) || !state.IsDisposed)
                return;
            Recorder.Append(obj is SafeHandle ? EventKind.HandleUseClosed : EventKind.UseAfterDispose, site, state.Id, 0);
        }
        catch (Exception e)
        {
            InternalFaults.Fault(e);
            return;
        }
        Violations.UseAfterDispose(obj, "a call");
    }

    /// <summary>The finalizer of a woven tracked type started: it was not disposed in time.</summary>
    public static void Finalizing(object? obj, int site)
    {
        if (!s_enabled || obj is null)
            return;
        try
        {
            long id = ObjectIdentity.PeekId(obj);
            if (id != 0)
                Recorder.Append(EventKind.Finalized, site, id, 0);
        }
        catch (Exception e)
        {
            InternalFaults.Fault(e); // a finalizer that throws ends the process: never from here
        }
    }

    public static void HandleAddRef(SafeHandle? handle, int site) => HandleEvent(handle, EventKind.HandleAddRef, site);

    public static void HandleRelease(SafeHandle? handle, int site) => HandleEvent(handle, EventKind.HandleRelease, site);

    public static void HandleSetInvalid(SafeHandle? handle, int site) => HandleEvent(handle, EventKind.HandleSetInvalid, site);

    public static void HandleGet(SafeHandle? handle, int site) => HandleEvent(handle, EventKind.HandleGet, site);

    private static void HandleEvent(SafeHandle? handle, EventKind kind, int site)
    {
        if (!s_enabled || handle is null)
            return;
        bool closed;
        try
        {
            var state = ObjectIdentity.StateOf(handle, site);
            closed = handle.IsClosed;
            if (closed)
                Recorder.Append(EventKind.HandleUseClosed, site, state.Id, 0);
            Recorder.Append(kind, site, state.Id, kind == EventKind.HandleGet ? handle.DangerousGetHandle() : 0);
        }
        catch (Exception e)
        {
            InternalFaults.Fault(e);
            return;
        }
        if (closed)
            Violations.UseAfterDispose(handle, kind.ToString());
    }
}
