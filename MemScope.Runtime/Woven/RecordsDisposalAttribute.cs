using System;
using System.ComponentModel;

namespace MemScopeRuntime;

/// <summary>Put by MemScope.Fody on tracked types whose Dispose it wove; not for hand-written code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class RecordsDisposalAttribute : Attribute
{
}
