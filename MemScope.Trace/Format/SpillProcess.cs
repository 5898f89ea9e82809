using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace MemScopeTrace.Format;

/// <summary>The process a spill file belongs to, as its Process block records it.</summary>
public sealed record SpillProcess(int Id, long StartedAtUnixMs, string? Name)
{
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

    /// <summary>When <paramref name="process"/> started, in Unix milliseconds; 0 when this platform cannot say.</summary>
    public static long StartOf(Process process)
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

/// <summary>Reads which process a spill file belongs to, and whether that process still runs.</summary>
public static class SpillProcesses
{
    /// <summary>The process that wrote <paramref name="path"/>, when the file is a spill file and that process has ended; else null.</summary>
    public static SpillProcess? OfEnded(string path)
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
    public static SpillProcess? ReadProcess(Stream stream)
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
