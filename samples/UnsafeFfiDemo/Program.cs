using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

// memscope-rs's unsafe/FFI demo in C#: unmanaged buffers from Marshal.AllocHGlobal and NativeMemory
// handed to the real zlib and libc. The first two sections are correct code. The last four each
// plant one problem on its own marked line (see README.md); the report must name each one with
// its variable and both lines (where the block was freed or disposed, and where it was used again).
internal static unsafe class Program
{
    [Tracked]
    private static void Main()
    {
        Console.WriteLine("MemScope unsafe/FFI demo");

        CompressLog();
        MeasureCString();

        PrepareRequestHeader();
        ReleaseFrameTwice();
        ChecksumFreedBlock();
        ReadDisposedManifest();

        PrintReport(MemScope.Export("unsafe_ffi_demo"));
    }

    // Correct: an HGlobal input and a NativeMemory output, both handed to zlib, both freed in
    // finally blocks so an error from zlib cannot leak them.
    [Tracked]
    private static void CompressLog()
    {
        byte[] payload = Encoding.ASCII.GetBytes(RepeatLine("GET /api/orders 200\n", 16));

        nint source = Marshal.AllocHGlobal(payload.Length);
        try
        {
            Marshal.Copy(payload, 0, source, payload.Length);
            nuint capacity = ZLib.CompressBound((nuint)payload.Length);
            void* compressed = NativeMemory.Alloc(capacity);
            try
            {
                nuint compressedLength = capacity;
                int status = ZLib.Compress2((nint)compressed, ref compressedLength, source, (nuint)payload.Length, ZLib.BestCompression);
                if (status != ZLib.Ok)
                    throw new InvalidOperationException($"compress2 failed with status {status}.");

                uint crc = (uint)ZLib.Crc32(0, source, (uint)payload.Length);
                Console.WriteLine($"zlib: {payload.Length} bytes -> {compressedLength} bytes (bound {capacity}), crc32 {crc:x8}");
            }
            finally
            {
                NativeMemory.Free(compressed);
            }
        }
        finally
        {
            Marshal.FreeHGlobal(source);
        }
    }

    // Correct: AllocZeroed gives the C string its terminating NUL for free.
    [Tracked]
    private static void MeasureCString()
    {
        byte[] text = Encoding.ASCII.GetBytes("memscope");
        byte* cString = (byte*)NativeMemory.AllocZeroed((nuint)text.Length + 1);
        text.CopyTo(new Span<byte>(cString, text.Length));

        nuint length = LibC.StrLen((nint)cString);
        NativeMemory.Free(cString);
        Console.WriteLine($"libc: strlen(\"memscope\") = {length}");
    }

    // BUG (deliberate): the header block is filled and checksummed, and then nobody frees it.
    [Tracked]
    private static void PrepareRequestHeader()
    {
        nint requestHeader = Marshal.AllocHGlobal(128); // PLANTED: leak requestHeader
        Marshal.WriteInt32(requestHeader, 0x4D534350);
        uint crc = (uint)ZLib.Crc32(0, requestHeader, 4);
        Console.WriteLine($"leak: 128-byte request header prepared (crc32 of its tag {crc:x8}) and never freed");
    }

    // BUG (deliberate): a stale cleanup path frees the frame a second time. In a woven build the
    // MemScope shim records the second free and skips it, so the allocator never sees it. Without
    // the weaver, glibc would abort the process ("free(): double free detected"), so the second
    // free only runs when MemScope is on. The printed line is the same either way.
    [Tracked]
    private static void ReleaseFrameTwice()
    {
        nint frame = Marshal.AllocHGlobal(64);
        Marshal.WriteInt64(frame, 0);
        Marshal.FreeHGlobal(frame);
        try
        {
            if (MemScope.IsEnabled) Marshal.FreeHGlobal(frame); // PLANTED: double-free frame
            Console.WriteLine("double free: 'frame' released a second time by a stale cleanup path");
        }
        catch (InvalidOperationException)
        {
            Console.WriteLine("double free: stopped by MemScope (MEMSCOPE_ON_VIOLATION=throw)");
        }
    }

    // BUG (deliberate): a freed pointer crosses the FFI boundary. crc32 only reads, and a small
    // freed block is still mapped heap, so the process survives; the bytes it reads are stale, so
    // only the fact that the call returned is printed, never its value.
    [Tracked]
    private static void ChecksumFreedBlock()
    {
        void* digestInput = NativeMemory.Alloc(48);
        new Span<byte>(digestInput, 48).Fill(0x5A);
        uint crc = (uint)ZLib.Crc32(0, (nint)digestInput, 48);
        Console.WriteLine($"digest: crc32 of 48 bytes = {crc:x8}");
        NativeMemory.Free(digestInput);
        try
        {
            _ = ZLib.Crc32(0, (nint)digestInput, 16); // PLANTED: use-after-free digestInput
            Console.WriteLine("use after free: crc32 over the freed block returned");
        }
        catch (InvalidOperationException)
        {
            Console.WriteLine("use after free: stopped by MemScope (MEMSCOPE_ON_VIOLATION=throw)");
        }
    }

    // BUG (deliberate): the manifest is read after Dispose. ManifestReader does not guard against
    // it and silently answers from a released buffer: the kind of bug only a tool notices. With
    // MEMSCOPE_ON_VIOLATION=throw, MemScope throws ObjectDisposedException at the call instead.
    [Tracked]
    private static void ReadDisposedManifest()
    {
        var manifest = new ManifestReader("zlib manifest v1");
        Console.WriteLine($"manifest: {manifest.Length} bytes");
        manifest.Dispose();
        try
        {
            int length = manifest.Length; // PLANTED: use-after-dispose manifest
            Console.WriteLine($"use after dispose: the disposed manifest still answered {length}");
        }
        catch (ObjectDisposedException)
        {
            Console.WriteLine("use after dispose: stopped by MemScope (MEMSCOPE_ON_VIOLATION=throw)");
        }
    }

    private static string RepeatLine(string line, int count)
    {
        var builder = new StringBuilder(line.Length * count);
        for (int i = 0; i < count; i++)
            builder.Append(line);
        return builder.ToString();
    }

    // Everything before the "Report:" line is the program's own output, identical with tracking on
    // and off; the report line itself (path, counts, duration) varies from run to run.
    private static void PrintReport(ExportResult? result)
    {
        if (result is null)
        {
            Console.WriteLine("MemScope is disabled (MEMSCOPE_ENABLED=0): no report written.");
            return;
        }
        Console.WriteLine($"Report: {result.Directory} ({result.EventsExported} events, {result.EventsDropped} dropped, {result.Duration.TotalMilliseconds:F1} ms)");
        foreach (var file in result.Files)
            Console.WriteLine($"  {file}");
    }
}

/// <summary>Reads a manifest kept in native memory; forgets to guard its members after Dispose.</summary>
[Tracked]
internal sealed class ManifestReader : IDisposable
{
    private readonly int _length;
    private nint _buffer;

    public ManifestReader(string text)
    {
        _length = text.Length;
        _buffer = Marshal.StringToHGlobalAnsi(text);
    }

    public int Length => _length;

    public void Dispose()
    {
        Marshal.FreeHGlobal(_buffer);
        _buffer = 0;
    }
}
