using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using MemScopeTrace.Model;

namespace MemScopeTrace.Format;

/// <summary>
/// Reads a .mscope file defensively: every length is checked against what is left, every block against
/// its checksum, and a missing End block means the file was cut short. Garbage never loops or crashes.
/// </summary>
internal static class TraceReader
{
    public static Recording Read(byte[] bytes, string path)
    {
        var header = bytes.AsSpan();
        if (header.Length < TraceFile.HeaderSize || !header[..8].SequenceEqual(TraceFile.Magic))
            throw new TraceFormatException($"{path}: not a MemScope trace (no MSCOPE header).");
        int version = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        if (version != TraceFile.FormatVersion)
            throw new TraceFormatException($"{path}: trace format version {version}; this memscope reads version {TraceFile.FormatVersion}.");
        // A spill file (docs/trace-format.md): a recording in progress, read up to its last complete block.
        bool inProgress = (BinaryPrimitives.ReadUInt16LittleEndian(header[10..]) & TraceFile.InProgressFlag) != 0;
        uint sampleOneIn = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
        long frequency = BinaryPrimitives.ReadInt64LittleEndian(header[16..]);
        long startTimestamp = BinaryPrimitives.ReadInt64LittleEndian(header[24..]);
        long startedAtMs = BinaryPrimitives.ReadInt64LittleEndian(header[32..]);
        if (sampleOneIn > int.MaxValue)
            throw new TraceFormatException($"{path}: corrupt header (sampling rate {sampleOneIn}).");
        if (frequency <= 0)
            throw new TraceFormatException($"{path}: corrupt header (timestamp frequency {frequency}).");
        if (startedAtMs < 0 || startedAtMs > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            throw new TraceFormatException($"{path}: corrupt header (start time {startedAtMs}).");

        var events = new List<RecordedEvent>();
        var sites = new List<SiteInfo>();
        var types = new Dictionary<int, TypeInfo>();
        var threads = new List<RecordedThread>();
        var samples = new List<GcSample>();
        List<AllocationSample>? allocations = null;
        var activities = new List<ActivityInfo>();
        long? dropped = null, faults = 0, expectedEvents = 0;
        (int Id, long StartedAt, string? Name)? process = null;

        int offset = TraceFile.HeaderSize;
        int blockNumber = 0;
        while (offset < bytes.Length)
        {
            blockNumber++;
            // A spill file ends wherever its process stopped: a block cut short (or torn) ends the recovered recording.
            bool cut = bytes.Length - offset < 12;
            var kind = cut ? default : (TraceBlock)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset));
            uint length = cut ? 0 : BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 4));
            cut = cut || length > bytes.Length - offset - 12;
            if (cut && inProgress && process is not null)
                break;
            if (cut)
                throw Truncated(path, offset);
            var payload = bytes.AsSpan(offset + 8, (int)length);
            uint checksum = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 8 + (int)length));
            if (Crc32.Compute(payload) != checksum && inProgress && process is not null)
                break;
            if (Crc32.Compute(payload) != checksum)
                throw new TraceFormatException($"{path}: block {blockNumber} at byte {offset} is corrupt (checksum mismatch).");
            if (inProgress && (process is null) != (kind == TraceBlock.Process))
                throw new TraceFormatException($"{path}: block {blockNumber} at byte {offset}: a spill file starts with one Process block.");
            offset += 12 + (int)length;

            var reader = new PayloadReader(payload, path, blockNumber);
            switch (kind)
            {
                case TraceBlock.Sites: sites.AddRange(ReadSites(payload, path)); break;
                case TraceBlock.Types: ReadTypes(ref reader, types); break;
                case TraceBlock.Threads: ReadThreads(ref reader, threads); break;
                case TraceBlock.Events: ReadEvents(ref reader, events); break;
                case TraceBlock.GcSamples: ReadGcSamples(ref reader, samples); break;
                case TraceBlock.Activities: ReadActivities(ref reader, activities); break;
                case TraceBlock.SystemAllocations: ReadSystemAllocations(ref reader, allocations ??= new List<AllocationSample>()); break;
                case TraceBlock.Process: process = (reader.Int32(), reader.Int64(), reader.String()); break;
                case TraceBlock.End:
                    dropped = reader.Int64();
                    faults = reader.Int64();
                    expectedEvents = reader.Int64();
                    break;
                default:
                    throw new TraceFormatException($"{path}: block {blockNumber} has unknown kind {(uint)kind}.");
            }
            if (kind == TraceBlock.End)
                break;
        }

        Recovery? recovery = null;
        if (dropped is null && inProgress && process is { } p)
        {
            // No End block: nothing counted drops or faults, and every event read is all there is.
            dropped = 0;
            expectedEvents = events.Count;
            long last = events.Count == 0 ? startTimestamp : events.Max(e => e.Timestamp);
            recovery = new Recovery(p.Id, p.Name, ProcessStillRunning: false, events.Count, last, offset, bytes.Length);
        }
        if (dropped is null)
            throw Truncated(path, bytes.Length);
        if (expectedEvents != events.Count)
            throw new TraceFormatException($"{path}: the trace says {expectedEvents} events but holds {events.Count}.");

        var snapshot = new RecordingData(events.ToArray(), dropped.Value, threads)
        {
            GcSamples = samples,
            SystemAllocations = allocations,
            Activities = activities,
            Types = types,
            TimestampFrequency = frequency,
            SampleOneIn = Math.Max(1, (int)sampleOneIn),
        };
        return new Recording(snapshot, new SiteTable(sites), startTimestamp, DateTimeOffset.FromUnixTimeMilliseconds(startedAtMs), faults ?? 0)
        {
            Recovery = recovery,
        };
    }

    private static TraceFormatException Truncated(string path, int offset) =>
        new($"{path}: the trace is truncated at byte {offset} (no End block); was the program stopped while writing it?");

    private static IEnumerable<SiteInfo> ReadSites(ReadOnlySpan<byte> payload, string path)
    {
        var sites = new List<SiteInfo>();
        try
        {
            using var document = JsonDocument.Parse(payload.ToArray());
            foreach (var site in document.RootElement.EnumerateArray())
            {
                sites.Add(new SiteInfo(
                    site.GetProperty("id").GetInt32(),
                    Enum.TryParse<SiteKind>(site.GetProperty("kind").GetString(), out var kind) ? kind : SiteKind.Unknown,
                    site.GetProperty("assembly").GetString() ?? "",
                    site.GetProperty("method").GetString() ?? "",
                    site.TryGetProperty("file", out var file) ? file.GetString() : null,
                    site.GetProperty("line").GetInt32(),
                    site.GetProperty("column").GetInt32(),
                    site.TryGetProperty("name", out var name) ? name.GetString() : null,
                    site.TryGetProperty("type", out var type) ? type.GetString() : null)
                {
                    IsStatic = site.TryGetProperty("static", out var isStatic) && isStatic.GetBoolean(),
                    OwnerSite = site.TryGetProperty("owner", out var owner) ? owner.GetInt32() : null,
                });
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new TraceFormatException($"{path}: the site table is corrupt ({e.Message}).");
        }
        return sites;
    }

    private static void ReadTypes(ref PayloadReader reader, Dictionary<int, TypeInfo> types)
    {
        int count = reader.Count(minimumBytesEach: 12);
        for (int i = 0; i < count; i++)
        {
            int id = reader.Int32();
            byte flags = reader.Byte();
            int depth = reader.Byte();
            string name = reader.String() ?? $"type#{id}";
            string? definition = reader.String();
            string? element = reader.String();
            int argumentCount = reader.Fits(reader.UInt16(), minimumBytesEach: 4);
            var arguments = new string[argumentCount];
            for (int a = 0; a < argumentCount; a++)
                arguments[a] = reader.String() ?? "?";
            types[id] = new TypeInfo(id, name, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, definition, arguments, element, depth);
        }
    }

    private static void ReadThreads(ref PayloadReader reader, List<RecordedThread> threads)
    {
        int count = reader.Count(minimumBytesEach: 8);
        for (int i = 0; i < count; i++)
            threads.Add(new RecordedThread(reader.Int32(), reader.String()));
    }

    private static void ReadEvents(ref PayloadReader reader, List<RecordedEvent> events)
    {
        int threadId = reader.Int32();
        int count = reader.Count(minimumBytesEach: 32);
        var raw = MemoryMarshal.Cast<byte, TraceEvent>(reader.Bytes(count * 32));
        foreach (var e in raw)
            events.Add(new RecordedEvent(e, threadId));
    }

    private static void ReadGcSamples(ref PayloadReader reader, List<GcSample> samples)
    {
        int count = reader.Count(minimumBytesEach: 101);
        for (int i = 0; i < count; i++)
        {
            long timestamp = reader.Int64(), allocatedNow = reader.Int64(), heap = reader.Int64(), committed = reader.Int64();
            long fragmented = reader.Int64(), totalAllocated = reader.Int64(), promoted = reader.Int64(), pinned = reader.Int64();
            int gen0 = reader.Int32(), gen1 = reader.Int32(), gen2 = reader.Int32();
            long index = reader.Int64();
            int generation = reader.Int32();
            double lastPause = reader.Double(), totalPause = reader.Double();
            var generations = new GenerationSample[reader.Fits(reader.Byte(), minimumBytesEach: 20)];
            for (int g = 0; g < generations.Length; g++)
                generations[g] = new GenerationSample(reader.String() ?? "?", reader.Int64(), reader.Int64());
            samples.Add(new GcSample(timestamp, allocatedNow, heap, committed, fragmented, totalAllocated, promoted, pinned,
                gen0, gen1, gen2, index, generation, lastPause, totalPause, generations));
        }
    }

    private static void ReadActivities(ref PayloadReader reader, List<ActivityInfo> activities)
    {
        int count = reader.Count(minimumBytesEach: 24);
        for (int i = 0; i < count; i++)
            activities.Add(new ActivityInfo(reader.Int64(), reader.String() ?? "?", reader.String(), reader.String(), reader.String()));
    }

    private static void ReadSystemAllocations(ref PayloadReader reader, List<AllocationSample> allocations)
    {
        int count = reader.Count(minimumBytesEach: 21);
        for (int i = 0; i < count; i++)
        {
            long timestamp = reader.Int64(), bytes = reader.Int64();
            bool large = reader.Byte() != 0;
            allocations.Add(new AllocationSample(timestamp, reader.String() ?? "?", bytes, large));
        }
    }

    /// <summary>Reads a block's payload; running past its end is a format error, never an exception of another kind.</summary>
    private ref struct PayloadReader
    {
        private readonly ReadOnlySpan<byte> _data;
        private readonly string _path;
        private readonly int _block;
        private int _position;

        public PayloadReader(ReadOnlySpan<byte> data, string path, int block)
        {
            _data = data;
            _path = path;
            _block = block;
            _position = 0;
        }

        public ReadOnlySpan<byte> Bytes(int count)
        {
            if (count < 0 || count > _data.Length - _position)
                throw new TraceFormatException($"{_path}: block {_block} is corrupt (a length runs past its end).");
            var slice = _data.Slice(_position, count);
            _position += count;
            return slice;
        }

        public byte Byte() => Bytes(1)[0];
        public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Bytes(2));
        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));
        public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Bytes(8));
        public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Bytes(8));

        /// <summary>An element count that the rest of the block can actually hold, so garbage cannot ask for billions.</summary>
        public int Count(int minimumBytesEach) => Fits(Int32(), minimumBytesEach);

        /// <summary>A count already read, checked like <see cref="Count"/> before anything is allocated for it.</summary>
        public int Fits(int count, int minimumBytesEach)
        {
            if (count < 0 || (long)count * minimumBytesEach > _data.Length - _position)
                throw new TraceFormatException($"{_path}: block {_block} is corrupt (count {count} does not fit).");
            return count;
        }

        public string? String()
        {
            int length = Int32();
            if (length == -1)
                return null;
            return Encoding.UTF8.GetString(Bytes(length));
        }
    }
}
