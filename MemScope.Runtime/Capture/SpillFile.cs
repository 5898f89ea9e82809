using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using MemScopeTrace.Format;
using MemScopeTrace.Model;

namespace MemScopeRuntime.Capture;

/// <summary>
/// The file full chunks are streamed to (MEMSCOPE_STREAM), and the flight recorder of a process that may never export:
/// a .mscope header flagged "in progress", a Process block, then Sites, Types and Threads blocks as they become known
/// and one Events block per chunk, each block one write with its CRC (docs/trace-format.md, "Spill file"). Whatever
/// ends the process, the file is readable up to its last complete block. A snapshot takes a <see cref="Mark"/> under the
/// writer's lock and reads the events up to it afterwards, while the writer goes on; only the stream writer appends.
/// </summary>
internal sealed class SpillFile : IDisposable
{
    /// <summary>This process, as the spill file's Process block records it.</summary>
    private static SpillProcess ThisProcess()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return new SpillProcess(Environment.ProcessId, SpillProcess.StartOf(process), System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name ?? process.ProcessName);
    }

    private const int HeaderBytes = 8; // thread id, event count
    private static readonly int EventBytes = Marshal.SizeOf<TraceEvent>();

    private readonly FileStream _stream;
    // One block (frame, payload, CRC) is built here and written in one call: a kill tears at most the block being written.
    private readonly byte[] _block = new byte[TraceBlockFrame.Overhead + HeaderBytes + ChunkPool.ChunkBytes];
    private readonly MemoryStream _metadata = new();
    private readonly HashSet<int> _modulesWritten = new();
    private int _sitesWritten = 1; // site ids start at 1
    private int _typesWritten;
    private int _threadsWritten;
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
                    var file = new SpillFile(candidate, stream);
                    try
                    {
                        file.WriteBeginning();
                    }
                    catch (IOException)
                    {
                        // Created but not even its first block fits (a full disk): it is ours, so it goes.
                        file.Dispose();
                        File.Delete(candidate);
                        throw;
                    }
                    return file;
                }
                catch (IOException) when (Exists(candidate) && nameIsOurs && n <= 100)
                {
                    candidate = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path) ?? "", $"memscope-{Environment.ProcessId}-{n}.spill");
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            InternalFaults.Warn(!Exists(candidate)
                ? $"MEMSCOPE_STREAM: cannot create '{candidate}' ({e.Message.ReplaceLineEndings(" ")}). Not streaming: recording stays in memory."
                : File.Exists(candidate) && SpillProcesses.OfEnded(candidate) is { } ended
                ? $"MEMSCOPE_STREAM: '{candidate}' holds the recording of process {ended.Id} ({ended.Name}), which ended without exporting; `memscope summary` reads it, then remove it. Not streaming: recording stays in memory."
                : $"MEMSCOPE_STREAM: '{candidate}' already exists; MemScope streams only into a new file of its own and never overwrites one. Not streaming: recording stays in memory.");
            return null;
        }
    }

    private static bool Exists(string path) => System.IO.Path.Exists(path) || new FileInfo(path).LinkTarget is not null;

    /// <summary>The header and the Process block: who is recording, so that a later process can tell whether it still is.</summary>
    private void WriteBeginning()
    {
        Span<byte> header = stackalloc byte[TraceFile.HeaderSize];
        TraceFile.WriteHeader(header, TraceFile.InProgressFlag, RuntimeSettings.SampleOneIn, Session.StartTimestamp, Session.StartedAt);
        _metadata.SetLength(0);
        _metadata.Write(header);
        _metadata.Write(stackalloc byte[8]); // the block's frame, filled below
        using (var body = new BinaryWriter(_metadata, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            var process = ThisProcess();
            body.Write(process.Id);
            body.Write(process.StartedAtUnixMs);
            TraceFile.WriteString(body, process.Name);
        }
        var bytes = _metadata.GetBuffer().AsSpan(0, (int)_metadata.Length);
        int payload = bytes.Length - TraceFile.HeaderSize - 8;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[TraceFile.HeaderSize..], (uint)TraceBlock.Process);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[(TraceFile.HeaderSize + 4)..], (uint)payload);
        _metadata.Write(stackalloc byte[4]);
        bytes = _metadata.GetBuffer().AsSpan(0, (int)_metadata.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[^4..], Crc32.Compute(bytes.Slice(TraceFile.HeaderSize + 8, payload)));
        _stream.Write(bytes);
        _committedBytes = bytes.Length;
    }

    public void Append(EventChunk chunk)
    {
        int count = Volatile.Read(ref chunk.Count);
        int length = HeaderBytes + count * EventBytes;
        var payload = _block.AsSpan(8, length);
        BinaryPrimitives.WriteInt32LittleEndian(payload, chunk.Owner.ThreadId);
        BinaryPrimitives.WriteInt32LittleEndian(payload[4..], count);
        MemoryMarshal.AsBytes(chunk.Events.AsSpan(0, count)).CopyTo(payload[HeaderBytes..]);
        WriteBlock(TraceBlock.Events, _block, length);
        Volatile.Write(ref _events, _events + count);
    }

    /// <summary>
    /// Sites of modules registered, types identified and threads seen since the last call, each as a block, so that the
    /// events after them can be read with names even if the process never exports. Cheap when nothing is new: two
    /// integer reads (threads only when <paramref name="threads"/> is given, by the writer's periodic sweep).
    /// </summary>
    public void WriteWhatIsNew(List<ThreadLog>? threads)
    {
        if (Sites.ModuleRegistry.NextSite != _sitesWritten)
            WriteNewSites();
        if (Identity.TypeRegistry.HighestId != _typesWritten)
            WriteNewTypes();
        if (threads is not null && threads.Count > _threadsWritten)
        {
            var added = threads.GetRange(_threadsWritten, threads.Count - _threadsWritten).ConvertAll(t => new RecordedThread(t.ThreadId, t.ThreadName));
            WriteMetadata(TraceBlock.Threads, body => TraceFile.WriteThreads(body, added));
            _threadsWritten = threads.Count;
        }
    }

    private void WriteNewSites()
    {
        foreach (var module in Sites.ModuleRegistry.Snapshot())
        {
            if (module.SiteCount == 0 || !_modulesWritten.Add(module.FirstSite))
                continue;
            _sitesWritten += module.SiteCount;
            SiteTable table;
            try
            {
                table = Sites.SiteTableLoader.Load(new[] { module });
            }
            catch (Exception e) when (e is InvalidDataException or IOException or System.Text.Json.JsonException or InvalidOperationException or System.Collections.Generic.KeyNotFoundException)
            {
                // The export will meet the same table and say so; here the events go on without its names.
                InternalFaults.Fault(e);
                continue;
            }
            WriteMetadata(TraceBlock.Sites, body => TraceFile.WriteSites(body, table));
        }
    }

    private void WriteNewTypes()
    {
        var types = new List<TypeInfo>();
        int highest = Identity.TypeRegistry.HighestId;
        // Ids are handed out before their type is stored: stop at the first not yet visible, and take it next time.
        for (int id = _typesWritten + 1; id <= highest && Identity.TypeRegistry.TypeOf(id) is not null; id++)
            types.Add(Identity.TypeRegistry.DescribeOnce(id));
        if (types.Count == 0)
            return;
        WriteMetadata(TraceBlock.Types, body => TraceFile.WriteTypes(body, types));
        _typesWritten += types.Count;
    }

    private void WriteMetadata(TraceBlock kind, Action<BinaryWriter> write)
    {
        _metadata.SetLength(0);
        _metadata.Write(stackalloc byte[8]);
        using (var body = new BinaryWriter(_metadata, System.Text.Encoding.UTF8, leaveOpen: true))
            write(body);
        _metadata.Write(stackalloc byte[4]);
        WriteBlock(kind, _metadata.GetBuffer(), (int)_metadata.Length - TraceBlockFrame.Overhead);
    }

    /// <summary>Fills in the frame and CRC around <paramref name="length"/> bytes of payload at offset 8 of <paramref name="block"/> and writes it whole.</summary>
    private void WriteBlock(TraceBlock kind, byte[] block, int length)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(block, (uint)kind);
        BinaryPrimitives.WriteUInt32LittleEndian(block.AsSpan(4), (uint)length);
        BinaryPrimitives.WriteUInt32LittleEndian(block.AsSpan(8 + length), Crc32.Compute(block.AsSpan(8, length)));
        _stream.Write(block, 0, length + TraceBlockFrame.Overhead);
        _committedBytes += TraceBlockFrame.Overhead + length;
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
        long offset = TraceFile.HeaderSize;
        var payload = new byte[HeaderBytes + ChunkPool.ChunkBytes]; // not the writer's buffer: the writer may be using it
        try
        {
            Span<byte> frame = stackalloc byte[8];
            while (offset < mark.Bytes)
            {
                ReadExactly(frame, offset);
                var kind = (TraceBlock)BinaryPrimitives.ReadUInt32LittleEndian(frame);
                uint length = BinaryPrimitives.ReadUInt32LittleEndian(frame[4..]);
                if (kind is TraceBlock.Process or TraceBlock.Sites or TraceBlock.Types or TraceBlock.Threads && offset + TraceBlockFrame.Overhead + length <= mark.Bytes)
                {
                    offset += TraceBlockFrame.Overhead + length; // what names the events: a snapshot takes it from this process
                    continue;
                }
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
            InternalFaults.Fault(e);
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
