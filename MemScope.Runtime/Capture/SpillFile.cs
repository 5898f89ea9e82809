using System;
using System.Buffers.Binary;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using MemScopeTrace.Format;
using MemScopeTrace.Model;

namespace MemScopeRuntime.Capture;

/// <summary>
/// The file full chunks are streamed to (MEMSCOPE_STREAM): one .mscope Events block per chunk, with its CRC
/// (docs/trace-format.md, "Spill file"), read back when a snapshot is taken. Only the stream writer appends; a
/// snapshot takes a <see cref="Mark"/> under the writer's lock and reads up to it afterwards, while the writer goes on.
/// </summary>
internal sealed class SpillFile : IDisposable
{
    private const int HeaderBytes = 8; // thread id, event count
    private static readonly int EventBytes = Marshal.SizeOf<TraceEvent>();

    private readonly FileStream _stream;
    private readonly byte[] _payload = new byte[HeaderBytes + ChunkPool.ChunkBytes];
    private long _committedBytes;
    private long _events;


    // Taken once: FileStream's getter re-seeks the stream, which a snapshot must not do while the writer writes.
    private readonly Microsoft.Win32.SafeHandles.SafeFileHandle _handle;

    private SpillFile(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
        _handle = stream.SafeFileHandle;
    }

    public string Path { get; }

    /// <summary>Events in complete blocks: a block cut short by a failed write is not counted.</summary>
    public long EventCount => Volatile.Read(ref _events);

    /// <summary>
    /// Creates the spill file, only ever as a new file: whatever exists at <paramref name="path"/> (a user's file, a
    /// folder, a device, a link, a FIFO) is refused, never opened, truncated or later deleted. A name MemScope chose
    /// itself (<c>memscope-&lt;pid&gt;.spill</c>) that is taken, as by a file left by an earlier process with the same id,
    /// becomes <c>memscope-&lt;pid&gt;-2.spill</c> and so on. Returns null, having said why in one line on stderr, when
    /// no file can be created: the caller then records in memory only.
    /// </summary>
    public static SpillFile? Create(string path)
    {
        string chosenName = $"memscope-{Environment.ProcessId}.spill";
        bool nameIsOurs = System.IO.Path.GetFileName(path) == chosenName;
        string candidate = path;
        try
        {
            if (System.IO.Path.GetDirectoryName(path) is { Length: > 0 } directory)
                Directory.CreateDirectory(directory);
            for (int n = 2; ; n++)
            {
                try
                {
                    // CreateNew is O_CREAT|O_EXCL: it fails on anything that exists, even a dangling symbolic link.
                    // Unbuffered: each chunk is one write, so an IO error surfaces at the chunk it concerns.
                    var stream = new FileStream(candidate, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
                    return new SpillFile(candidate, stream);
                }
                catch (IOException) when (Exists(candidate) && nameIsOurs && n <= 100)
                {
                    candidate = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path) ?? "", $"memscope-{Environment.ProcessId}-{n}.spill");
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            Diagnostics.Warn(Exists(candidate)
                ? $"MEMSCOPE_STREAM: '{candidate}' already exists; MemScope streams only into a new file of its own and never overwrites one. Not streaming: recording stays in memory."
                : $"MEMSCOPE_STREAM: cannot create '{candidate}' ({e.Message.ReplaceLineEndings(" ")}). Not streaming: recording stays in memory.");
            return null;
        }
    }

    private static bool Exists(string path) => System.IO.Path.Exists(path) || new FileInfo(path).LinkTarget is not null;

    public void Append(EventChunk chunk)
    {
        int count = Volatile.Read(ref chunk.Count);
        int length = HeaderBytes + count * EventBytes;
        BinaryPrimitives.WriteInt32LittleEndian(_payload, chunk.Owner.ThreadId);
        BinaryPrimitives.WriteInt32LittleEndian(_payload.AsSpan(4), count);
        MemoryMarshal.AsBytes(chunk.Events.AsSpan(0, count)).CopyTo(_payload.AsSpan(HeaderBytes));
        TraceBlockFrame.Write(_stream, TraceBlock.Events, _payload.AsSpan(0, length));
        _committedBytes += TraceBlockFrame.Overhead + length;
        Volatile.Write(ref _events, _events + count);
    }

    /// <summary>What the file holds at this moment; blocks are only ever appended, so everything up to it stays as it is.</summary>
    public SpillMark Mark => new(_committedBytes, _events);

    /// <summary>
    /// Copies the events up to <paramref name="mark"/> into <paramref name="into"/> from <paramref name="start"/> and returns
    /// how many. Positional reads, so the writer may go on appending meanwhile. Fewer than the mark's events only when
    /// the file cannot be read back: that is an internal fault, and the caller counts the missing events as dropped.
    /// </summary>
    public int ReadBack(SpillMark mark, RecordedEvent[] into, int start)
    {
        int next = start;
        long offset = 0;
        var payload = new byte[_payload.Length]; // not the writer's buffer: the writer may be using it
        try
        {
            Span<byte> frame = stackalloc byte[8];
            while (offset < mark.Bytes)
            {
                ReadExactly(frame, offset);
                var kind = (TraceBlock)BinaryPrimitives.ReadUInt32LittleEndian(frame);
                uint length = BinaryPrimitives.ReadUInt32LittleEndian(frame[4..]);
                if (kind != TraceBlock.Events || length < HeaderBytes || length > payload.Length)
                    throw new InvalidDataException($"{Path}: spill block at byte {offset} is corrupt.");
                var body = payload.AsSpan(0, (int)length);
                ReadExactly(body, offset + 8);
                ReadExactly(frame[..4], offset + 8 + length);
                int threadId = BinaryPrimitives.ReadInt32LittleEndian(body);
                int count = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                if (BinaryPrimitives.ReadUInt32LittleEndian(frame) != Crc32.Compute(body) || (long)count * EventBytes != length - HeaderBytes)
                    throw new InvalidDataException($"{Path}: spill block at byte {offset} is corrupt.");
                foreach (var e in MemoryMarshal.Cast<byte, TraceEvent>(body[HeaderBytes..]))
                    into[next++] = new RecordedEvent(e, threadId);
                offset += TraceBlockFrame.Overhead + length;
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ObjectDisposedException or NotSupportedException or UnauthorizedAccessException)
        {
            // What was read is kept; the rest is reported as lost rather than thrown into the exporting program.
            Diagnostics.Fault(e);
        }
        return next - start;
    }

    private void ReadExactly(Span<byte> buffer, long offset)
    {
        while (buffer.Length > 0)
        {
            int read = RandomAccess.Read(_handle, buffer, offset);
            if (read == 0)
                throw new EndOfStreamException($"{Path}: ends at byte {offset}, inside a block it wrote.");
            buffer = buffer[read..];
            offset += read;
        }
    }

    public void Dispose() => _stream.Dispose();
}

/// <summary>The length of a spill file's complete blocks and the events they hold.</summary>
internal readonly record struct SpillMark(long Bytes, long Events);
