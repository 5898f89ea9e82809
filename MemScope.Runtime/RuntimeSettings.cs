using System;
using System.Globalization;
using System.IO;
using MemScopeTrace.Model;

namespace MemScopeRuntime;

/// <summary>Settings read once from the environment when the runtime starts.</summary>
internal static class RuntimeSettings
{
    /// <summary>MEMSCOPE_ENABLED=0 is a kill switch: no events, no files.</summary>
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("MEMSCOPE_ENABLED") != "0";

    /// <summary>MEMSCOPE_OUTPUT moves the report folder; the default is MemoryAnalysis/ under the current directory.</summary>
    public static string OutputDirectory =>
        Environment.GetEnvironmentVariable("MEMSCOPE_OUTPUT") is { Length: > 0 } dir ? dir : "MemoryAnalysis";

    /// <summary>MEMSCOPE_NAME names the automatic export at process exit; a name that cannot be a folder name is ignored, with a warning.</summary>
    public static readonly string? ExportName = ParseExportName(Environment.GetEnvironmentVariable("MEMSCOPE_NAME"));

    internal static string? ParseExportName(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        if (global::MemScope.IsValidName(text))
            return text;
        InternalFaults.Warn($"MEMSCOPE_NAME='{text}' cannot be a report folder name; using the default name.");
        return null;
    }

    /// <summary>MEMSCOPE_EXPORT=none turns the automatic export at process exit off.</summary>
    public static bool AutoExport => !string.Equals(Environment.GetEnvironmentVariable("MEMSCOPE_EXPORT"), "none", StringComparison.OrdinalIgnoreCase);

    /// <summary>MEMSCOPE_QUIET=1: no line on stderr at exit naming the report folder and its dashboard.</summary>
    public static bool Quiet => Environment.GetEnvironmentVariable("MEMSCOPE_QUIET") is "1" or "true";

    /// <summary>MEMSCOPE_EXPORT=json,svg,html,trace: the files every export writes (default: all of them).</summary>
    public static ReportFormats Formats => ParseFormats(Environment.GetEnvironmentVariable("MEMSCOPE_EXPORT"));

    internal static ReportFormats ParseFormats(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
            return ReportFormats.All; // "none" only turns the export at exit off; an explicit Export writes everything
        var formats = ReportFormats.None;
        foreach (var word in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<ReportFormats>(word, ignoreCase: true, out var format) && format != ReportFormats.None)
                formats |= format;
            else
                InternalFaults.Warn($"MEMSCOPE_EXPORT: '{word}' is not one of json, svg, html, trace, none; ignored.");
        }
        return formats == ReportFormats.None ? ReportFormats.All : formats;
    }

    /// <summary>MEMSCOPE_SAMPLE=N records about one allocation in N (1, the default, records all); reports scale totals back up.</summary>
    public static readonly int SampleOneIn = ReadPositiveInt("MEMSCOPE_SAMPLE", 1);

    /// <summary>
    /// MEMSCOPE_WATCH=N: past the first <see cref="ExactWatchPerSite"/> objects of an allocation site, the collection of
    /// about one plain object in N is watched (rounded up to a power of two; default 64; 1 watches every object).
    /// Disposables and SafeHandles are always watched. Reports scale the watched sample back up.
    /// </summary>
    public static readonly int WatchOneIn = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Min(ReadPositiveInt("MEMSCOPE_WATCH", 64), 1 << 30));

    /// <summary>Every object of a site is watched until the site has allocated this many: small programs stay exact.</summary>
    public const int ExactWatchPerSite = 1000;

    /// <summary>
    /// MEMSCOPE_MAX_BUFFER_MB bounds the memory held by recorded events (default 256 MB, about 8 million events), and is
    /// itself bounded: never more than a quarter of the memory the process may use (GC.GetGCMemoryInfo's
    /// TotalAvailableMemoryBytes: the machine's memory, or the container's or heap's limit). A larger value is capped
    /// with one warning; the default is capped silently (a small container).
    /// </summary>
    public static readonly int MaxBufferMegabytes = CapBufferMegabytes(
        ReadPositiveInt("MEMSCOPE_MAX_BUFFER_MB", 256),
        fromEnvironment: !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MEMSCOPE_MAX_BUFFER_MB")),
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

    internal static int CapBufferMegabytes(int requested, bool fromEnvironment, long availableBytes)
    {
        if (availableBytes <= 0)
            return requested; // unknown: nothing to compare with
        int cap = (int)Math.Clamp(availableBytes / 4 / (1024 * 1024), 1, int.MaxValue);
        if (requested <= cap)
            return requested;
        if (fromEnvironment)
            InternalFaults.Warn($"MEMSCOPE_MAX_BUFFER_MB={requested} is more than a quarter of the {availableBytes / (1024 * 1024):N0} MB this process may use; using {cap:N0} MB.");
        return cap;
    }

    /// <summary>
    /// MEMSCOPE_STREAM: where full event chunks are streamed once the buffer bound is reached, so recording goes on
    /// in bounded memory. A file path; a directory (existing, or written with a trailing separator) or <c>1</c> (the
    /// report folder, MEMSCOPE_OUTPUT) gets <c>memscope-&lt;pid&gt;.spill</c>. Unset, empty or <c>0</c>: no streaming.
    /// </summary>
    public static readonly string? StreamPath = ParseStreamPath(Environment.GetEnvironmentVariable("MEMSCOPE_STREAM"), OutputDirectory, Environment.ProcessId);

    internal static string? ParseStreamPath(string? text, string outputDirectory, int processId)
    {
        if (string.IsNullOrWhiteSpace(text) || text == "0")
            return null;
        string spillName = $"memscope-{processId}.spill";
        try
        {
            if (text == "1")
                return Path.GetFullPath(Path.Combine(outputDirectory, spillName));
            bool isDirectory = Directory.Exists(text) || text.EndsWith('/') || text.EndsWith(Path.DirectorySeparatorChar);
            return Path.GetFullPath(isDirectory ? Path.Combine(text, spillName) : text);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            // Read while the runtime starts: a bad value must not stop the program, only the streaming.
            InternalFaults.Warn($"MEMSCOPE_STREAM='{text}' is not a usable path ({e.Message}); not streaming.");
            return null;
        }
    }

    /// <summary>MEMSCOPE_GC_SAMPLE_MS: how often the GC is sampled in the background (default 100 ms; 0 turns the timer off).</summary>
    public static readonly TimeSpan GcSampleInterval = TimeSpan.FromMilliseconds(ReadNonNegativeInt("MEMSCOPE_GC_SAMPLE_MS", 100));

    /// <summary>MEMSCOPE_SYSTEM_ALLOCATIONS=1 samples all allocations of the process through the GC's AllocationTick events.</summary>
    public static readonly bool SystemAllocations = Environment.GetEnvironmentVariable("MEMSCOPE_SYSTEM_ALLOCATIONS") == "1";

    /// <summary>
    /// MEMSCOPE_ON_VIOLATION=throw makes an error throw at the offending call (ObjectDisposedException for a use
    /// after dispose or of a closed handle, InvalidOperationException otherwise); warnings, such as a second Dispose,
    /// never throw. The default, record, only records.
    /// </summary>
    public static readonly bool ThrowOnViolation = ReadViolationPolicy();

    private static bool ReadViolationPolicy()
    {
        var text = Environment.GetEnvironmentVariable("MEMSCOPE_ON_VIOLATION");
        if (string.IsNullOrEmpty(text) || text.Equals("record", StringComparison.OrdinalIgnoreCase))
            return false;
        if (text.Equals("throw", StringComparison.OrdinalIgnoreCase))
            return true;
        InternalFaults.Warn($"MEMSCOPE_ON_VIOLATION='{text}' is neither record nor throw; recording.");
        return false;
    }

    private static int ReadPositiveInt(string name, int fallback) => ReadInt(name, fallback, minimum: 1);

    private static int ReadNonNegativeInt(string name, int fallback) => ReadInt(name, fallback, minimum: 0);

    private static int ReadInt(string name, int fallback, int minimum)
    {
        var text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrEmpty(text))
            return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= minimum)
            return value;
        InternalFaults.Warn($"{name}='{text}' is not an integer of at least {minimum}; using {fallback}.");
        return fallback;
    }
}
