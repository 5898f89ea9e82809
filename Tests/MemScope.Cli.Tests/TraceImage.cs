using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace MemScope.Cli.Tests;

/// <summary>
/// A .mscope file taken apart into its header and blocks (docs/trace-format.md), so a test can change what a
/// block says and write it back with its length and CRC-32 recomputed: the reader then gets past the checksum
/// and meets the damage itself. Checksums come from System.IO.Hashing, not from the reader's own code.
/// </summary>
internal sealed class TraceImage
{
    public const int HeaderSize = 40;
    public const uint Sites = 1, Types = 2, Events = 3, GcSamples = 4, Threads = 5, End = 6, SystemAllocations = 7, Activities = 8;

    private TraceImage(byte[] header, List<TraceImageBlock> blocks)
    {
        Header = header;
        Blocks = blocks;
    }

    public byte[] Header { get; }
    public List<TraceImageBlock> Blocks { get; }

    public static TraceImage Parse(byte[] bytes)
    {
        var blocks = new List<TraceImageBlock>();
        int offset = HeaderSize;
        while (offset < bytes.Length)
        {
            uint kind = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset));
            int length = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 4)));
            blocks.Add(new TraceImageBlock(kind, bytes.AsSpan(offset + 8, length).ToArray()));
            offset += 12 + length;
        }
        return new TraceImage(bytes[..HeaderSize], blocks);
    }

    public static TraceImage Read(string path) => Parse(File.ReadAllBytes(path));

    public TraceImage Clone() => new((byte[])Header.Clone(), Blocks.Select(b => new TraceImageBlock(b.Kind, (byte[])b.Payload.Clone())).ToList());

    public TraceImageBlock Block(uint kind) => Blocks.First(b => b.Kind == kind);

    /// <summary>Rewrites the site table (a JSON array of sites) in place.</summary>
    public TraceImage WithSites(Action<System.Text.Json.Nodes.JsonArray> change)
    {
        var sites = System.Text.Json.Nodes.JsonNode.Parse(Block(Sites).Payload)!.AsArray();
        change(sites);
        Block(Sites).Payload = System.Text.Encoding.UTF8.GetBytes(sites.ToJsonString());
        return this;
    }

    /// <summary>Sets the End block's event count to what the Events blocks declare, so the reader's last check passes.</summary>
    public TraceImage WithConsistentEventCount()
    {
        if (Blocks.FirstOrDefault(b => b.Kind == End) is { Payload.Length: >= 24 } end)
        {
            long declared = Blocks.Where(b => b.Kind == Events && b.Payload.Length >= 8)
                .Sum(b => (long)BinaryPrimitives.ReadInt32LittleEndian(b.Payload.AsSpan(4)));
            BinaryPrimitives.WriteInt64LittleEndian(end.Payload.AsSpan(16), declared);
        }
        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        stream.Write(Header);
        Span<byte> frame = stackalloc byte[4];
        foreach (var block in Blocks)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(frame, block.Kind);
            stream.Write(frame);
            BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)block.Payload.Length);
            stream.Write(frame);
            stream.Write(block.Payload);
            BinaryPrimitives.WriteUInt32LittleEndian(frame, System.IO.Hashing.Crc32.HashToUInt32(block.Payload));
            stream.Write(frame);
        }
        return stream.ToArray();
    }
}

internal sealed class TraceImageBlock(uint kind, byte[] payload)
{
    public uint Kind { get; } = kind;
    public byte[] Payload { get; set; } = payload;
}

/// <summary>A number of a block's payload: where it is, how wide, and what it means (for the name of a test case).</summary>
internal readonly record struct TraceField(int Offset, int Size, string Name, TraceFieldRole Role);

internal enum TraceFieldRole
{
    /// <summary>How many elements follow.</summary>
    Count,
    /// <summary>The byte length of a string.</summary>
    Length,
    /// <summary>An identifier other data refers to (type, thread, activity, object, site).</summary>
    Id,
    /// <summary>Any other number: sizes, timestamps, totals, kinds.</summary>
    Value,
}

/// <summary>Walks a valid block's payload as the format describes it and lists its numbers.</summary>
internal static class TraceFields
{
    public static List<TraceField> Of(TraceImageBlock block)
    {
        var walker = new Walker(block.Payload);
        switch (block.Kind)
        {
            case TraceImage.Types:
                for (int i = 0, n = walker.Count("types.count"); i < n; i++)
                {
                    walker.Field(4, "type.id", TraceFieldRole.Id);
                    walker.Field(1, "type.flags", TraceFieldRole.Value);
                    walker.Field(1, "type.depth", TraceFieldRole.Value);
                    walker.String("type.name");
                    walker.String("type.definition");
                    walker.String("type.element");
                    int arguments = walker.Field(2, "type.arguments.count", TraceFieldRole.Count);
                    for (int a = 0; a < arguments; a++)
                        walker.String("type.argument");
                }
                break;
            case TraceImage.Threads:
                for (int i = 0, n = walker.Count("threads.count"); i < n; i++)
                {
                    walker.Field(4, "thread.id", TraceFieldRole.Id);
                    walker.String("thread.name");
                }
                break;
            case TraceImage.Events:
                walker.Field(4, "events.thread", TraceFieldRole.Id);
                for (int i = 0, n = walker.Count("events.count"); i < n; i++)
                {
                    walker.Field(8, "event.timestamp", TraceFieldRole.Value);
                    walker.Field(8, "event.object", TraceFieldRole.Id);
                    walker.Field(8, "event.value", TraceFieldRole.Value);
                    walker.Field(4, "event.site", TraceFieldRole.Id);
                    walker.Field(1, "event.kind", TraceFieldRole.Value);
                    walker.Skip(3);
                }
                break;
            case TraceImage.GcSamples:
                for (int i = 0, n = walker.Count("gc.count"); i < n; i++)
                {
                    foreach (var name in new[] { "timestamp", "allocatedNow", "heap", "committed", "fragmented", "totalAllocated", "promoted", "pinned" })
                        walker.Field(8, "gc." + name, TraceFieldRole.Value);
                    foreach (var name in new[] { "gen0", "gen1", "gen2" })
                        walker.Field(4, "gc." + name, TraceFieldRole.Value);
                    walker.Field(8, "gc.index", TraceFieldRole.Value);
                    walker.Field(4, "gc.generation", TraceFieldRole.Value);
                    walker.Field(8, "gc.lastPause", TraceFieldRole.Value);
                    walker.Field(8, "gc.totalPause", TraceFieldRole.Value);
                    int generations = walker.Field(1, "gc.generations.count", TraceFieldRole.Count);
                    for (int g = 0; g < generations; g++)
                    {
                        walker.String("gc.generation.name");
                        walker.Field(8, "gc.generation.size", TraceFieldRole.Value);
                        walker.Field(8, "gc.generation.fragmented", TraceFieldRole.Value);
                    }
                }
                break;
            case TraceImage.Activities:
                for (int i = 0, n = walker.Count("activities.count"); i < n; i++)
                {
                    walker.Field(8, "activity.id", TraceFieldRole.Id);
                    foreach (var name in new[] { "operation", "traceId", "spanId", "parentSpanId" })
                        walker.String("activity." + name);
                }
                break;
            case TraceImage.SystemAllocations:
                for (int i = 0, n = walker.Count("allocations.count"); i < n; i++)
                {
                    walker.Field(8, "allocation.timestamp", TraceFieldRole.Value);
                    walker.Field(8, "allocation.bytes", TraceFieldRole.Value);
                    walker.Field(1, "allocation.large", TraceFieldRole.Value);
                    walker.String("allocation.type");
                }
                break;
            case TraceImage.End:
                walker.Field(8, "end.dropped", TraceFieldRole.Value);
                walker.Field(8, "end.faults", TraceFieldRole.Value);
                walker.Field(8, "end.events", TraceFieldRole.Count);
                break;
        }
        return walker.Fields;
    }

    private sealed class Walker(byte[] payload)
    {
        private int _position;

        public List<TraceField> Fields { get; } = [];

        public int Count(string name) => Field(4, name, TraceFieldRole.Count);

        public int Field(int size, string name, TraceFieldRole role)
        {
            Fields.Add(new TraceField(_position, size, name, role));
            var span = payload.AsSpan(_position, size);
            _position += size;
            return size switch
            {
                1 => span[0],
                2 => BinaryPrimitives.ReadUInt16LittleEndian(span),
                4 => BinaryPrimitives.ReadInt32LittleEndian(span),
                _ => 0,
            };
        }

        public void String(string name)
        {
            int length = Field(4, name + ".length", TraceFieldRole.Length);
            if (length > 0)
                _position += length;
        }

        public void Skip(int bytes) => _position += bytes;
    }
}
