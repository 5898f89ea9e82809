using System.Collections.Generic;

namespace MemScopeTrace.Model;

/// <summary>An event together with the managed thread that recorded it.</summary>
public readonly record struct RecordedEvent(TraceEvent Event, int ThreadId)
{
    public EventKind Kind => Event.Kind;
    public long Timestamp => Event.Timestamp;
    public long ObjectId => Event.ObjectId;
    public long Value => Event.Value;
    public int Site => Event.Site;
}

public readonly record struct RecordedThread(int ThreadId, string? Name);
