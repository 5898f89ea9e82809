using System;
using System.Collections.Generic;
using System.Linq;
using MemScopeReports.Analysis;
using MemScopeTrace.Model;

namespace MemScopeReports.Export.Json;

/// <summary><c>&lt;name&gt;_complex_types.json</c>: generic instantiations and collections with their element types.</summary>
internal static class ComplexTypesJson
{
    public const string SchemaId = "https://memscope.dev/schemas/complex_types.schema.json";

    public static string Write(Recording recording, LifecycleReport report, string name, string path) =>
        JsonFile.Write(path, writer =>
        {
            var types = Gather(recording, report.Objects);

            JsonFile.WriteHeader(writer, recording, name, SchemaId);
            writer.WriteStartObject("summary");
            writer.WriteNumber("complexTypes", types.Count);
            writer.WriteNumber("genericInstantiations", types.Count(t => t.Type.IsGeneric));
            writer.WriteNumber("collections", types.Count(t => t.Type.IsCollection));
            writer.WriteNumber("maxGenericDepth", types.Count == 0 ? 0 : types.Max(t => t.Type.GenericDepth));
            writer.WriteEndObject();

            writer.WriteStartArray("types");
            foreach (var (type, instances, bytes, variables) in types)
            {
                writer.WriteStartObject();
                writer.WriteString("typeName", type.Name);
                JsonFile.WriteNullableString(writer, "genericDefinition", type.GenericDefinition);
                writer.WriteStartArray("genericArguments");
                foreach (var argument in type.GenericArguments)
                    writer.WriteStringValue(argument);
                writer.WriteEndArray();
                writer.WriteBoolean("isCollection", type.IsCollection);
                JsonFile.WriteNullableString(writer, "elementType", type.ElementType);
                writer.WriteNumber("genericDepth", type.GenericDepth);
                writer.WriteNumber("instances", instances);
                writer.WriteNumber("bytes", bytes);
                writer.WriteStartArray("variables");
                foreach (var variable in variables)
                    writer.WriteStringValue(variable);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        });

    private const int VariablesPerType = 20;

    private sealed class ComplexType(TypeInfo type)
    {
        public TypeInfo Type { get; } = type;
        public int Order = -1;
        public int Instances;
        public long Bytes;
        public readonly List<string> Variables = new();
        public readonly HashSet<string> Seen = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// The objects of complex types totalled in one pass, largest first (then by name, then first seen): with the
    /// first <see cref="VariablesPerType"/> distinct names that held them, in the order they held them.
    /// </summary>
    private static List<(TypeInfo Type, int Instances, long Bytes, List<string> Variables)> Gather(Recording recording, List<TrackedObject> objects)
    {
        // Only objects of complex types are gathered: most objects of a large recording are not.
        var complex = new Dictionary<int, ComplexType>();
        foreach (var (id, type) in recording.Types)
        {
            if (IsComplex(type))
                complex[id] = new ComplexType(type);
        }
        var found = new List<ComplexType>();
        foreach (var obj in objects)
        {
            if (!complex.TryGetValue(obj.TypeId, out var entry))
                continue;
            if (entry.Order < 0)
            {
                entry.Order = found.Count;
                found.Add(entry);
            }
            entry.Instances++;
            entry.Bytes += obj.Size;
            if (entry.Variables.Count == VariablesPerType)
                continue;
            foreach (var holding in obj.Holdings)
            {
                if (holding.Site.Name is { } variable && entry.Variables.Count < VariablesPerType && entry.Seen.Add(variable))
                    entry.Variables.Add(variable);
            }
        }
        found.Sort((a, b) => a.Bytes != b.Bytes ? b.Bytes.CompareTo(a.Bytes)
            : string.CompareOrdinal(a.Type.Name, b.Type.Name) is var byName and not 0 ? byName : a.Order.CompareTo(b.Order));
        var gathered = new List<(TypeInfo, int, long, List<string>)>(found.Count);
        foreach (var entry in found)
            gathered.Add((entry.Type, entry.Instances, entry.Bytes, entry.Variables));
        return gathered;
    }

    private static bool IsComplex(TypeInfo type) => type.IsGeneric || type.ElementType is not null || type.IsCollection;
}
