using System;
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
            // Only objects of complex types are gathered: most objects of a large recording are not.
            var complex = recording.Types.Values.Where(t => t.IsGeneric || t.ElementType is not null || t.IsCollection).Select(t => t.Id).ToHashSet();
            var types = report.Objects
                .Where(o => complex.Contains(o.TypeId))
                .GroupBy(o => o.TypeId)
                .Select(g => (Type: recording.Type(g.Key), Objects: g.ToList()))
                .OrderByDescending(t => t.Objects.Sum(o => o.Size))
                .ThenBy(t => t.Type.Name, StringComparer.Ordinal)
                .ToList();

            JsonFile.WriteHeader(writer, recording, name, SchemaId);
            writer.WriteStartObject("summary");
            writer.WriteNumber("complexTypes", types.Count);
            writer.WriteNumber("genericInstantiations", types.Count(t => t.Type.IsGeneric));
            writer.WriteNumber("collections", types.Count(t => t.Type.IsCollection));
            writer.WriteNumber("maxGenericDepth", types.Count == 0 ? 0 : types.Max(t => t.Type.GenericDepth));
            writer.WriteEndObject();

            writer.WriteStartArray("types");
            foreach (var (type, objects) in types)
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
                writer.WriteNumber("instances", objects.Count);
                writer.WriteNumber("bytes", objects.Sum(o => o.Size));
                writer.WriteStartArray("variables");
                foreach (var variable in objects.SelectMany(o => o.Holdings).Select(h => h.Site.Name).Where(n => n is not null).Distinct().Take(20))
                    writer.WriteStringValue(variable);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        });
}
