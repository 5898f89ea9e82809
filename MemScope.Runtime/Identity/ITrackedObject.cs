using System.ComponentModel;

namespace MemScopeRuntime;

/// <summary>
/// Implemented by MemScope.Fody on woven classes: the object carries its own MemScope id in an injected field,
/// so finding it costs a field read instead of a ConditionalWeakTable lookup. Not for hand-written code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ITrackedObject
{
    /// <summary>The injected id field: 0 until MemScope first sees the object.</summary>
    ref long MemScopeId();
}
