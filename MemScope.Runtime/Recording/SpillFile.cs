using System;
using System.Buffers.Binary;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using MemScopeRuntime.Trace;

namespace MemScopeRuntime.Recording;

/// <summary>
/// The file full chunks are streamed to (MEMSCOPE_STREAM): one .mscope Events block per chunk, with its CRC
/// (docs/trace-format.md, "Spill file"), read back whole when a snapshot is taken. Not thread-safe: only the
/// stream writer appends, and a snapshot reads back while holding the lock that writer takes per chunk.
/// </summary>
internal sealed class SpillFile : IDisposable
{
    private const int HeaderBytes = 8; // thread id, event count
    private static readonly int EventBytes = Marshal.SizeOf<TraceEvent>();

    private readonly FileStream _stream;
    private readonly byte[] _payload = new byte[HeaderBytes + ChunkPool.ChunkBytes];
    private long _committedBytes;
    private long _events;

    private SpillFile(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
    }

    public string Path { get; }

    /// <summary>Events in complete blocks: a block cut short by a failed write is not counted.</summary>
    public long EventCount => Volatile.Read(ref _events);

    public static SpillFile Create(string path)
    {
        if (System.IO.Path.GetDirectoryName(path) is { Length: > 0 } directory)
            Directory.CreateDirectory(directory);
        // Unbuffered: each chunk is one write, so an IO error surfaces at the chunk it concerns.
        var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
        return new SpillFile(path, stream);
    }

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

    /// <summary>
    /// Copies every streamed event into <paramref name="into"/> from <paramref name="start"/> and returns how many.
    /// Fewer than <see cref="EventCount"/> only when the file cannot be read back: that is an internal fault,
    /// and the caller counts the missing events as dropped.
    /// </summary>
    public int ReadBack(RecordedEvent[] into, int start)
    {
        int next = start;
        try
        {
            _stream.Position = 0;
            Span<byte> frame = stackalloc byte[8];
            while (_stream.Position < _committedBytes)
            {
                _stream.ReadExactly(frame);
                var kind = (TraceBlock)BinaryPrimitives.ReadUInt32LittleEndian(frame);
                uint length = BinaryPrimitives.ReadUInt32LittleEndian(frame[4..]);
                if (kind != TraceBlock.Events || length < HeaderBytes || length > _payload.Length)
                    throw new InvalidDataException($"{Path}: spill block at byte {_stream.Position - 8} is corrupt.");
                var payload = _payload.AsSpan(0, (int)length);
                _stream.ReadExactly(payload);
                _stream.ReadExactly(frame[..4]);
                int threadId = BinaryPrimitives.ReadInt32LittleEndian(payload);
                int count = BinaryPrimitives.ReadInt32LittleEndian(payload[4..]);
                if (BinaryPrimitives.ReadUInt32LittleEndian(frame) != Crc32.Compute(payload) || (long)count * EventBytes != length - HeaderBytes)
                    throw new InvalidDataException($"{Path}: spill block ending at byte {_stream.Position} is corrupt.");
                foreach (var e in MemoryMarshal.Cast<byte, TraceEvent>(payload[HeaderBytes..]))
                    into[next++] = new RecordedEvent(e, threadId);
            }
            _stream.Position = _committedBytes;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or UnauthorizedAccessException)
        {
            // What was read is kept; the rest is reported as lost rather than thrown into the exporting program.
            Diagnostics.Fault(e);
        }
        return next - start;
    }

    public void Dispose() => _stream.Dispose();
}
