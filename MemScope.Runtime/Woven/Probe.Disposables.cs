using System;
using System.Runtime.InteropServices;
using MemScopeRuntime.Identity;
using MemScopeRuntime.Guards;
using MemScopeRuntime.Capture;
using MemScopeTrace.Model;

namespace MemScopeRuntime;

// Disposables and SafeHandles: the per-object disposed flag is the only online state.
public static partial class Probe
{
    // A Dispose call site in tracked code on a type that records its own disposal hands its site to
    // that Dispose, so the report names the line that called Dispose rather than the Dispose method.
    [ThreadStatic] private static object? t_disposeCaller;
    [ThreadStatic] private static int t_disposeCallerSite;

    /// <summary>Entry of Dispose/DisposeAsync of a woven tracked type, or a Dispose/Close call on a foreign disposable.</summary>
    public static void Disposing(object? obj, int site)
    {
        if (!s_enabled || obj is null)
            return;
        if (ReferenceEquals(t_disposeCaller, obj))
            site = t_disposeCallerSite;
        t_disposeCaller = null;
        bool first;
        try
        {
            var state = ObjectIdentity.StateOf(obj, site);
            first = state.MarkDisposed();
            var kind = !first ? EventKind.DisposeAgain : obj is SafeHandle ? EventKind.HandleClose : EventKind.Dispose;
            Recorder.Append(kind, site, state.Id, 0);
        }
        catch (Exception e)
        {
            Diagnostics.Fault(e);
            return;
        }
        if (!first)
            Violations.Other($"{obj.GetType().Name} disposed twice.");
    }

    /// <summary>
    /// A Dispose call site in tracked code. Types woven as tracked disposables record their own disposal
    /// (so calls from untracked code count too); for them the call site only lends its line, to avoid counting twice.
    /// </summary>
    public static void DisposeCall(object? obj, int site)
    {
        if (!s_enabled || obj is null)
            return;
        if (WovenTypes.RecordsOwnDisposal(obj.GetType()))
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
        if (!s_enabled || obj is null || !ObjectIdentity.TryGetState(obj, out var state) || !state.IsDisposed)
            return;
        Recorder.Append(obj is SafeHandle ? EventKind.HandleUseClosed : EventKind.UseAfterDispose, site, state.Id, 0);
        Violations.UseAfterDispose(obj, "a call");
    }

    /// <summary>The finalizer of a woven tracked type started: it was not disposed in time.</summary>
    public static void Finalizing(object? obj, int site)
    {
        if (!s_enabled || obj is null)
            return;
        long id = ObjectIdentity.PeekId(obj);
        if (id != 0)
            Recorder.Append(EventKind.Finalized, site, id, 0);
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
            Diagnostics.Fault(e);
            return;
        }
        if (closed)
            Violations.UseAfterDispose(handle, kind.ToString());
    }
}
