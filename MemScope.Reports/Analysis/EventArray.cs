using System.Collections.Generic;
using MemScopeTrace.Model;

namespace MemScopeReports.Analysis;

/// <summary>
/// A recording's events as the array they are kept in: the passes over hundreds of thousands of them then index an
/// array instead of calling an enumerator through an interface for each one.
/// </summary>
internal static class EventArray
{
    public static RecordedEvent[] Of(Recording recording) =>
        recording.Events as RecordedEvent[] ?? new List<RecordedEvent>(recording.Events).ToArray();
}
