using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using MemScopeTrace.Model;

namespace MemScopeRuntime.Identity;

/// <summary>Numbers the runtime types of tracked objects so events carry an int, not a name.</summary>
internal static class TypeRegistry
{
    private static readonly ConcurrentDictionary<Type, int> s_ids = new();
    private static readonly ConcurrentDictionary<int, Type> s_types = new();
    private static int s_next;

    public static int IdOf(Type type)
    {
        if (s_ids.TryGetValue(type, out int id))
            return id;
        return s_ids.GetOrAdd(type, static t =>
        {
            int newId = Interlocked.Increment(ref s_next);
            s_types[newId] = t;
            return newId;
        });
    }

    public static Type? TypeOf(int id) => s_types.TryGetValue(id, out var type) ? type : null;

    private static readonly ConcurrentDictionary<int, TypeInfo> s_described = new();

    /// <summary>
    /// Every type identified in <paramref name="events"/>, described from the live types of this process. Each type is
    /// described once per process (reflection over its interfaces); an export only looks its ids up.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Dictionary<int, TypeInfo> Describe(RecordedEvent[] events)
    {
        var types = new Dictionary<int, TypeInfo>();
        var seen = new bool[HighestId + 1];
        foreach (var e in events)
        {
            if (e.Kind is not (EventKind.Identify or EventKind.Alloc))
                continue;
            int typeId = IdentityValue.Unpack(e.Value).TypeId;
            if ((uint)typeId < (uint)seen.Length)
            {
                if (seen[typeId])
                    continue;
                seen[typeId] = true;
            }
            else if (types.ContainsKey(typeId))
            {
                continue;
            }
            types[typeId] = DescribeOnce(typeId);
        }
        return types;
    }

    /// <summary>
    /// The description of a type this process identified, made once and shared by the export and the spill file. A type
    /// reflection cannot describe is named type#id, and the fault is counted.
    /// </summary>
    public static TypeInfo DescribeOnce(int typeId)
    {
        if (s_described.TryGetValue(typeId, out var known))
            return known;
        if (TypeOf(typeId) is not { } type)
            return TypeInfo.Unknown(typeId);
        try
        {
            return s_described.GetOrAdd(typeId, TypeDescriptions.Of(typeId, type));
        }
        catch (Exception e) when (e is TypeLoadException or NotSupportedException or System.IO.FileNotFoundException or System.IO.FileLoadException or BadImageFormatException)
        {
            InternalFaults.Fault(e);
            return s_described.GetOrAdd(typeId, TypeInfo.Unknown(typeId));
        }
    }

    /// <summary>The highest id given so far; ids run from 1 (an id's type may be visible through <see cref="TypeOf"/> a moment later).</summary>
    public static int HighestId => Volatile.Read(ref s_next);
}
