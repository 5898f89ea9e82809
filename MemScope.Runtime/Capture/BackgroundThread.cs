using System;
using System.Threading;

namespace MemScopeRuntime.Capture;

/// <summary>Starts MemScope's own background threads, which never keep the program from ending.</summary>
internal static class BackgroundThread
{
    /// <summary>
    /// Starts <paramref name="loop"/> on a background thread named <paramref name="name"/>. A thread that cannot start
    /// (out of memory, a thread limit) is a counted fault and false: the caller carries on without it.
    /// </summary>
    public static bool TryStart(string name, ThreadStart loop)
    {
        try
        {
            new Thread(loop) { IsBackground = true, Name = name }.Start();
            return true;
        }
        catch (Exception e) when (e is OutOfMemoryException or ThreadStartException)
        {
            InternalFaults.Fault(e);
            return false;
        }
    }
}
