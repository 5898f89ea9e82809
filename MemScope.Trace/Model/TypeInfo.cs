using System;
using System.Collections.Generic;

namespace MemScopeTrace.Model;

/// <summary>
/// What the analysis needs to know about a runtime type, as plain data: it comes from a live Type in
/// the process, or from a trace file written by another process.
/// </summary>
public sealed record TypeInfo(
    int Id,
    string Name,
    bool IsDisposable,
    bool IsSafeHandle,
    bool IsCollection,
    string? GenericDefinition,
    IReadOnlyList<string> GenericArguments,
    string? ElementType,
    int GenericDepth)
{
    public static TypeInfo Unknown(int id) => new(id, $"type#{id}", false, false, false, null, Array.Empty<string>(), null, 0);

    public bool IsGeneric => GenericDefinition is not null;
}
