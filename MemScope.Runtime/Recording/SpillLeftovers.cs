using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using MemScopeRuntime.Trace;

namespace MemScopeRuntime.Recording;

/// <summary>The process a spill file belongs to, as its Process block records it.</summary>
internal sealed record SpillProcess(int Id, long StartedAtUnixMs, string? Name)
{
    public static SpillProcess Current { get; } = OfThisProcess();

    /// <summary>A process with this id that started at the recorded time (0: unknown, then any process with the id) is running.</summary>
    public bool IsRunning
    {
        get
        {
            try
            {
                using var process = Process.GetProcessById(Id);
                return StartedAtUnixMs == 0 || Math.Abs(StartOf(process) - StartedAtUnixMs) < 1000;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                return false; // no process has that id (any more)
            }
        }
    }

    private static SpillProcess OfThisProcess()
    {
        using var process = Process.GetCurrentProcess();
        return new SpillProcess(Environment.ProcessId, StartOf(process), Assembly.GetEntryAssembly()?.GetName().Name ?? process.ProcessName);
    }

    private static long StartOf(Process process)
    {
        try
        {
            return new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds();
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return 0; // unknown here: only the id (and the file's lock) then say whether it runs
        }
    }
}

/// <summary>
/// Spill files left by processes that ended without exporting (killed, crashed before MemScope could act, or whose last
/// export failed), tidied when a streaming program starts, so that they never pile up. Only files MemScope made are
/// touched: named <c>memscope-&lt;pid&gt;[-n][.recovered].spill</c>, regular files, starting with a spill header and a
/// valid Process block. A file is left alone while its process may still run: its writer holds a shared lock on it for
/// its whole life (so it cannot be opened exclusively), or a process with its id and start time exists. Of the files of
/// ended processes the newest is kept, renamed <c>….recovered.spill</c> and announced once on stderr (`memscope summary`
/// reads it); the older ones are deleted.
/// </summary>
internal static class SpillLeftovers
{
    private static readonly Regex Name = new(@"^memscope-\d+(-\d+)?(\.recovered)?\.spill$", RegexOptions.CultureInvariant);
    private const string RecoveredSuffix = ".recovered.spill";

    public static void Tidy(string? directory)
    {
        if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
            return;
        try
        {
            var ended = new List<(FileInfo File, SpillProcess Process)>();
            foreach (var file in new DirectoryInfo(directory).EnumerateFiles("memscope-*.spill"))
            {
                if (Name.IsMatch(file.Name) && file.LinkTarget is null && OfEndedProcess(file.FullName) is { } process)
                    ended.Add((file, process));
            }
            if (ended.Count == 0)
                return;

            var newest = ended.MaxBy(e => e.File.LastWriteTimeUtc);
            foreach (var older in ended.Where(e => e.File != newest.File))
                File.Delete(older.File.FullName);
            string removed = ended.Count > 1 ? $"; {ended.Count - 1} older recording(s) of ended processes removed" : "";
            if (newest.File.Name.EndsWith(RecoveredSuffix, StringComparison.Ordinal))
            {
                if (removed.Length > 0)
                    Diagnostics.Warn($"kept {newest.File.FullName}{removed}.");
                return;
            }
            string recovered = Path.Combine(directory, newest.File.Name[..^".spill".Length] + RecoveredSuffix);
            File.Move(newest.File.FullName, recovered);
            Diagnostics.Warn($"process {newest.Process.Id} ({newest.Process.Name}) ended without exporting; its recording is kept as {recovered} " +
                $"(`memscope summary` reads it){removed}.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another program starting at the same moment may be tidying too; whatever failed here, streaming goes on.
            Diagnostics.Fault(e);
        }
    }

    /// <summary>The process that wrote <paramref name="path"/>, when the file is a spill file and that process has ended; else null.</summary>
    internal static SpillProcess? OfEndedProcess(string path)
    {
        // Only what can be a regular file MemScope wrote: a FIFO or device (length 0) would block or be read forever.
        var info = new FileInfo(path);
        if (!info.Exists || info.LinkTarget is not null || info.Length < TraceFile.HeaderSize + TraceBlockFrame.Overhead + 16)
            return null;
        FileStream stream;
        try
        {
            // A running writer holds a shared lock: an exclusive open fails while it lives (and is not a write: nothing changes).
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
        }
        catch (IOException)
        {
            return null; // in use: its process runs
        }
        using (stream)
        {
            var process = ReadProcess(stream);
            return process is null || process.IsRunning ? null : process;
        }
    }

    /// <summary>The Process block of a spill file, or null when the file does not start as a spill file does.</summary>
    internal static SpillProcess? ReadProcess(Stream stream)
    {
        const int MaxPayload = 4096;
        Span<byte> start = stackalloc byte[TraceFile.HeaderSize + 8];
        if (stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) < start.Length
            || !start[..8].SequenceEqual(TraceFile.Magic)
            || BinaryPrimitives.ReadUInt16LittleEndian(start[8..]) != TraceFile.FormatVersion
            || (BinaryPrimitives.ReadUInt16LittleEndian(start[10..]) & TraceFile.InProgressFlag) == 0
            || (TraceBlock)BinaryPrimitives.ReadUInt32LittleEndian(start[TraceFile.HeaderSize..]) != TraceBlock.Process)
            return null;
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(start[(TraceFile.HeaderSize + 4)..]);
        if (length is < 16 or > MaxPayload)
            return null;
        var block = new byte[length + 4];
        if (stream.ReadAtLeast(block, block.Length, throwOnEndOfStream: false) < block.Length)
            return null;
        var payload = block.AsSpan(0, (int)length);
        if (BinaryPrimitives.ReadUInt32LittleEndian(block.AsSpan((int)length)) != Crc32.Compute(payload))
            return null;
        int id = BinaryPrimitives.ReadInt32LittleEndian(payload);
        long started = BinaryPrimitives.ReadInt64LittleEndian(payload[4..]);
        int nameLength = BinaryPrimitives.ReadInt32LittleEndian(payload[12..]);
        string? name = nameLength >= 0 && nameLength <= length - 16 ? Encoding.UTF8.GetString(payload.Slice(16, nameLength)) : null;
        return new SpillProcess(id, started, name);
    }
}
