using System;
using System.Threading;

namespace MemScopeRuntime;

/// <summary>
/// MemScope's own faults: counted, reported once on stderr, never thrown into the tracked program.
/// </summary>
internal static class InternalFaults
{
    private static long s_faults;
    private static int s_reported;

    [ThreadStatic] private static bool t_injected;

    public static long FaultCount => Volatile.Read(ref s_faults);

    /// <summary>For the runtime's own tests: from now on this thread's first step into the recorder fails, as a fault of MemScope's would.</summary>
    internal static void InjectOnThisThread() => t_injected = true;

    /// <summary>Where an injected fault strikes: the recorder's set-up of a thread, which every probe reaches on a new thread.</summary>
    internal static void ThrowIfInjected()
    {
        if (t_injected)
            throw new InvalidOperationException("a fault injected by a test");
    }

    public static void Fault(Exception exception)
    {
        Interlocked.Increment(ref s_faults);
        if (Interlocked.Exchange(ref s_reported, 1) == 0)
            Console.Error.WriteLine($"MemScope: internal fault, tracking continues ({exception.GetType().Name}: {exception.Message})");
    }

    public static void Warn(string message) => Console.Error.WriteLine("MemScope: " + message);

    /// <summary>Failed exports said on stderr, one line each; past this many they are only counted.</summary>
    internal const int MaxExportFailuresShown = 10;

    private static int s_exportFailures;

    /// <summary>
    /// An export that could not be written: a counted internal fault and one line on stderr (for the first
    /// <see cref="MaxExportFailuresShown"/>, so a program exporting in a loop to a bad folder does not flood it).
    /// Returns the reason, for <see cref="ExportResult.Error"/>.
    /// </summary>
    public static string ExportFailed(string name, string directory, Exception exception)
    {
        Interlocked.Increment(ref s_faults);
        string reason = $"{exception.GetType().Name}: {exception.Message}".ReplaceLineEndings(" ");
        int shown = Interlocked.Increment(ref s_exportFailures);
        if (shown <= MaxExportFailuresShown)
        {
            string more = shown == MaxExportFailuresShown ? "; further export failures are only counted" : "";
            Console.Error.WriteLine($"MemScope: export '{name}' to {directory} failed, the program goes on ({reason}){more}");
        }
        return reason;
    }
}
