namespace MemScopeTrace.Format;

/// <summary>
/// CRC-32 (IEEE 802.3), so a flipped bit in a trace block is reported instead of misread. Computed by
/// System.IO.Hashing, vectorised: checking a trace costs a fraction of reading it.
/// </summary>
internal static class Crc32
{
    public static uint Compute(System.ReadOnlySpan<byte> data) => System.IO.Hashing.Crc32.HashToUInt32(data);
}
