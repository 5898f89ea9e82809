using System;
using System.Numerics;

namespace MemScopeTrace.Model;

/// <summary>
/// The value of an <see cref="EventKind.Alloc"/> or <see cref="EventKind.Identify"/> event, packed
/// into one long: the type id (bits 0–23), how the object's collection is watched (bits 24–31) and its shallow size
/// in bytes (bits 32–63, capped at 4 GiB).
/// </summary>
/// <param name="TypeId">The type's id in the recording's type table.</param>
/// <param name="Size">The object's own heap size in bytes; 0 when unknown.</param>
/// <param name="LiveWeight">
/// 0: MemScope does not watch the object's collection, so whether it is still alive is unknown;
/// 1: watched; N (a power of two): watched as a sample that stands for N objects of its site.
/// </param>
public readonly record struct IdentityValue(int TypeId, long Size, int LiveWeight)
{
    public const int MaxTypeId = 0xFF_FFFF;
    private const int WatchShift = 24;
    // Code 0 must mean "watched": a plain type id (an old-style value) then reads as a watched object.
    private const int NotWatchedCode = 0xFF;

    public long Pack()
    {
        int code = LiveWeight == 0 ? NotWatchedCode : BitOperations.Log2((uint)LiveWeight);
        long size = Math.Clamp(Size, 0, uint.MaxValue);
        return (size << 32) | ((long)code << WatchShift) | (uint)(TypeId & MaxTypeId);
    }

    public static IdentityValue Unpack(long value)
    {
        int code = (int)((value >> WatchShift) & 0xFF);
        return new IdentityValue((int)(value & MaxTypeId), (long)((ulong)value >> 32), code == NotWatchedCode ? 0 : 1 << code);
    }
}
