using System.Runtime.InteropServices;

namespace MemScopeTrace.Model;

/// <summary>
/// One recorded fact: 32 bytes, no references, so a chunk of them is a flat array the GC never scans.
/// Strings never appear here: <see cref="Site"/> indexes the site table written by the weaver.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 8, Size = 32)]
public readonly struct TraceEvent
{
    /// <summary>Stopwatch ticks.</summary>
    public readonly long Timestamp;
    public readonly long ObjectId;
    public readonly long Value;
    public readonly int Site;
    public readonly EventKind Kind;

    public TraceEvent(long timestamp, EventKind kind, int site, long objectId, long value)
    {
        Timestamp = timestamp;
        Kind = kind;
        Site = site;
        ObjectId = objectId;
        Value = value;
    }

    public override string ToString() => $"{Kind} site={Site} obj={ObjectId} value={Value} t={Timestamp}";
}
