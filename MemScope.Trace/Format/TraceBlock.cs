using MemScopeTrace.Model;
namespace MemScopeTrace.Format;

/// <summary>Block kinds of the .mscope format (docs/trace-format.md). Values are part of the format: never renumber.</summary>
internal enum TraceBlock : uint
{
    Sites = 1,
    Types = 2,
    Events = 3,
    GcSamples = 4,
    Threads = 5,
    End = 6,
    SystemAllocations = 7,
    Activities = 8,
    /// <summary>Spill files only, their first block: the process that is recording (to tell a dead one's file from a live one's).</summary>
    Process = 9,
}
