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
}
