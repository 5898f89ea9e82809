using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using MemScopeTrace.Model;

namespace MemScopeTrace.Format;

/// <summary>
/// The .mscope trace: a whole recording in one binary, versioned, checksummed file (docs/trace-format.md),
/// so the memscope tool can analyze it later and elsewhere.
/// </summary>
public static class TraceFile
{
    public const int FormatVersion = 2; // 2: an Alloc event carries its object's IdentityValue (type, size, collection watch); 1 had Identify + Alloc(bytes)
    public const int MaxEventsPerBlock = 65_536;
    internal static readonly byte[] Magic = "MSCOPE\0\0"u8.ToArray();
    internal const int HeaderSize = 40;

    /// <summary>Header flag: a spill file, the recording of a process still running or that ended without exporting (no End block).</summary>
    internal const ushort InProgressFlag = 1;

    /// <summary>Writes <paramref name="recording"/> to <paramref name="path"/> (through a temporary file) and returns the path.</summary>
    public static string Write(Recording recording, string path) =>
        AtomicFile.Write(path, stream =>
        {
            var writer = new TraceWriter(stream);
            writer.Header(recording);
            writer.Block(TraceBlock.Sites, body => WriteSites(body, recording.Sites));
            writer.Block(TraceBlock.Types, body => WriteTypes(body, recording.Types.Values));
            writer.Block(TraceBlock.Threads, body => WriteThreads(body, recording.Threads));
            var events = recording.EventsAsRecorded;
            foreach (var (threadId, positions) in EventOrder.PositionsByThread(events))
            {
                for (int start = 0; start < positions.Count; start += MaxEventsPerBlock)
                {
                    var block = new TraceEvent[Math.Min(MaxEventsPerBlock, positions.Count - start)];
                    for (int i = 0; i < block.Length; i++)
                        block[i] = events[positions[start + i]].Event;
                    writer.Block(TraceBlock.Events, body => WriteEvents(body, threadId, block));
                }
            }
            writer.Block(TraceBlock.GcSamples, body => WriteGcSamples(body, recording.GcSamples));
            writer.Block(TraceBlock.Activities, body => WriteActivities(body, recording.Activities));
            if (recording.SystemAllocations is { } allocations)
                writer.Block(TraceBlock.SystemAllocations, body => WriteSystemAllocations(body, allocations));
            writer.Block(TraceBlock.End, body =>
            {
                body.Write(recording.DroppedEvents);
                body.Write(recording.InternalFaults);
                body.Write((long)recording.EventsAsRecorded.Length);
            });
        });

    /// <summary>Reads a trace; anything wrong with the file is a <see cref="TraceFormatException"/> with one clear line.</summary>
    public static Recording Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = ReadBounded(path);
        }
        catch (FileNotFoundException)
        {
            throw new TraceFormatException($"{path}: no such file.");
        }
        catch (DirectoryNotFoundException)
        {
            throw new TraceFormatException($"{path}: no such file.");
        }
        var recording = TraceReader.Read(bytes, path);
        // A spill file: is its process still writing it (it holds the file's lock), or did it end without exporting?
        if (recording.Recovery is { } recovery)
            recording.Recovery = recovery with { ProcessStillRunning = SpillProcesses.OfEnded(path) is null };
        return recording;
    }

    /// <summary>
    /// The file's bytes, never more than its length on disk: a device, pipe or /proc file reports length 0 and is
    /// refused before it is opened (reading /dev/zero "to the end" never ends; opening a FIFO waits for a writer),
    /// and a file without the magic is refused after 8 bytes, whatever its size.
    /// </summary>
    private static byte[] ReadBounded(string path)
    {
        var info = new FileInfo(path);
        if (info.Exists && info.LinkTarget is not null)
            info = info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info;
        if (!info.Exists)
            throw new FileNotFoundException(path);
        if (info.Length < HeaderSize)
            throw new TraceFormatException($"{path}: not a MemScope trace ({info.Length} bytes; a trace is a regular file of at least {HeaderSize} bytes).");
        if (info.Length > Array.MaxLength)
            throw new TraceFormatException($"{path}: {info.Length} bytes is more than this memscope can read into memory ({Array.MaxLength} bytes at most).");

        using var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.Read);
        Span<byte> magic = stackalloc byte[8];
        if (stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false) < magic.Length || !magic.SequenceEqual(Magic))
            throw new TraceFormatException($"{path}: not a MemScope trace (no MSCOPE header).");
        var bytes = new byte[info.Length];
        magic.CopyTo(bytes);
        // A file that shrank since its length was read ends early: the reader reports it as truncated.
        int read = magic.Length + stream.ReadAtLeast(bytes.AsSpan(magic.Length), bytes.Length - magic.Length, throwOnEndOfStream: false);
        return read == bytes.Length ? bytes : bytes[..read];
    }

    internal static void WriteSites(BinaryWriter body, SiteTable sites)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var site in sites.All.OrderBy(s => s.Id))
            {
                json.WriteStartObject();
                json.WriteNumber("id", site.Id);
                json.WriteString("kind", site.Kind.ToString());
                json.WriteString("assembly", site.Assembly);
                json.WriteString("method", site.Method);
                if (site.File is not null)
                    json.WriteString("file", site.File);
                json.WriteNumber("line", site.Line);
                json.WriteNumber("column", site.Column);
                if (site.Name is not null)
                    json.WriteString("name", site.Name);
                if (site.DeclaredType is not null)
                    json.WriteString("type", site.DeclaredType);
                if (site.IsStatic)
                    json.WriteBoolean("static", true);
                if (site.OwnerSite is { } owner)
                    json.WriteNumber("owner", owner);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        body.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    internal static void WriteTypes(BinaryWriter body, IEnumerable<TypeInfo> types)
    {
        var list = types.ToList();
        body.Write(list.Count);
        foreach (var type in list)
        {
            body.Write(type.Id);
            body.Write((byte)((type.IsDisposable ? 1 : 0) | (type.IsSafeHandle ? 2 : 0) | (type.IsCollection ? 4 : 0)));
            body.Write((byte)Math.Min(type.GenericDepth, 255));
            WriteString(body, type.Name);
            WriteString(body, type.GenericDefinition);
            WriteString(body, type.ElementType);
            body.Write((ushort)type.GenericArguments.Count);
            foreach (var argument in type.GenericArguments)
                WriteString(body, argument);
        }
    }

    internal static void WriteThreads(BinaryWriter body, IReadOnlyList<RecordedThread> threads)
    {
        body.Write(threads.Count);
        foreach (var thread in threads)
        {
            body.Write(thread.ThreadId);
            WriteString(body, thread.Name);
        }
    }

    private static void WriteEvents(BinaryWriter body, int threadId, TraceEvent[] events)
    {
        body.Write(threadId);
        body.Write(events.Length);
        body.Write(MemoryMarshal.AsBytes(events.AsSpan()));
    }

    private static void WriteGcSamples(BinaryWriter body, IReadOnlyList<GcSample> samples)
    {
        body.Write(samples.Count);
        foreach (var s in samples)
        {
            body.Write(s.Timestamp);
            body.Write(s.AllocatedNowBytes);
            body.Write(s.HeapBytes);
            body.Write(s.CommittedBytes);
            body.Write(s.FragmentedBytes);
            body.Write(s.TotalAllocatedBytes);
            body.Write(s.PromotedBytes);
            body.Write(s.PinnedObjects);
            body.Write(s.Gen0Collections);
            body.Write(s.Gen1Collections);
            body.Write(s.Gen2Collections);
            body.Write(s.LastGcIndex);
            body.Write(s.LastGcGeneration);
            body.Write(s.LastPauseMs);
            body.Write(s.TotalPauseMs);
            body.Write((byte)s.Generations.Length);
            foreach (var g in s.Generations)
            {
                WriteString(body, g.Name);
                body.Write(g.SizeBytes);
                body.Write(g.FragmentedBytes);
            }
        }
    }

    private static void WriteActivities(BinaryWriter body, IReadOnlyList<ActivityInfo> activities)
    {
        body.Write(activities.Count);
        foreach (var activity in activities)
        {
            body.Write(activity.Id);
            WriteString(body, activity.OperationName);
            WriteString(body, activity.TraceId);
            WriteString(body, activity.SpanId);
            WriteString(body, activity.ParentSpanId);
        }
    }

    private static void WriteSystemAllocations(BinaryWriter body, IReadOnlyList<AllocationSample> samples)
    {
        body.Write(samples.Count);
        foreach (var sample in samples)
        {
            body.Write(sample.Timestamp);
            body.Write(sample.Bytes);
            body.Write(sample.LargeObjectHeap);
            WriteString(body, sample.TypeName);
        }
    }

    /// <summary>Length-prefixed UTF-8; length -1 is null.</summary>
    internal static void WriteString(BinaryWriter body, string? value)
    {
        if (value is null)
        {
            body.Write(-1);
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(value);
        body.Write(bytes.Length);
        body.Write(bytes);
    }

    /// <summary>The 40-byte header (docs/trace-format.md), shared by traces and spill files.</summary>
    internal static void WriteHeader(Span<byte> header, ushort flags, int sampleOneIn, long startTimestamp, DateTimeOffset startedAt)
    {
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], FormatVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(header[10..], flags);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], (uint)sampleOneIn);
        BinaryPrimitives.WriteInt64LittleEndian(header[16..], System.Diagnostics.Stopwatch.Frequency);
        BinaryPrimitives.WriteInt64LittleEndian(header[24..], startTimestamp);
        BinaryPrimitives.WriteInt64LittleEndian(header[32..], startedAt.ToUnixTimeMilliseconds());
    }

    private sealed class TraceWriter
    {
        private readonly Stream _stream;
        private readonly MemoryStream _payload = new();

        public TraceWriter(Stream stream) => _stream = stream;

        public void Header(Recording recording)
        {
            Span<byte> header = stackalloc byte[HeaderSize];
            WriteHeader(header, flags: 0, recording.SampleOneIn, recording.StartTimestamp, recording.StartedAt);
            _stream.Write(header);
        }

        public void Block(TraceBlock kind, Action<BinaryWriter> write)
        {
            _payload.SetLength(0);
            using (var body = new BinaryWriter(_payload, Encoding.UTF8, leaveOpen: true))
                write(body);
            TraceBlockFrame.Write(_stream, kind, _payload.GetBuffer().AsSpan(0, (int)_payload.Length));
        }
    }
}
