using System;
using System.Buffers.Binary;
using System.IO;
using MemScopeTrace.Model;

namespace MemScopeTrace.Format;

/// <summary>How a block sits in a .mscope file (kind, length, payload, CRC-32): shared by the trace and the stream's spill file.</summary>
internal static class TraceBlockFrame
{
    /// <summary>Bytes a block adds around its payload.</summary>
    public const int Overhead = 12;

    public static void Write(Stream stream, TraceBlock kind, ReadOnlySpan<byte> payload)
    {
        Span<byte> frame = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)kind);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[4..], (uint)payload.Length);
        stream.Write(frame);
        stream.Write(payload);
        BinaryPrimitives.WriteUInt32LittleEndian(frame, Crc32.Compute(payload));
        stream.Write(frame[..4]);
    }
}
