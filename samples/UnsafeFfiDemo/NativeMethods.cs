using System.Runtime.InteropServices;

/// <summary>
/// The system zlib. uLong is 64 bits on Linux (LP64), hence nuint; buffers are passed as nint so
/// MemScope records each pointer that crosses the boundary.
/// </summary>
internal static partial class ZLib
{
    private const string Library = "libz.so.1";

    public const int Ok = 0;
    public const int BestCompression = 9;

    /// <summary>The largest size compress2 can produce for <paramref name="sourceLength"/> input bytes.</summary>
    [DllImport(Library, EntryPoint = "compressBound")]
    public static extern nuint CompressBound(nuint sourceLength);

    /// <summary>Compresses source into destination; destinationLength is the capacity in, the size out.</summary>
    [DllImport(Library, EntryPoint = "compress2")]
    public static extern int Compress2(nint destination, ref nuint destinationLength, nint source, nuint sourceLength, int level);

    /// <summary>Updates a running CRC-32 with <paramref name="length"/> bytes. Only reads the buffer.</summary>
    [LibraryImport(Library, EntryPoint = "crc32")]
    public static partial nuint Crc32(nuint crc, nint buffer, uint length);
}

/// <summary>The C library.</summary>
internal static class LibC
{
    [DllImport("libc", EntryPoint = "strlen")]
    public static extern nuint StrLen(nint text);
}
