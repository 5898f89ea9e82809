using System;
using System.Collections;
using System.Linq;
using MemScopeRuntime.Analysis;
using MemScopeRuntime.Identity;

namespace MemScopeRuntime.Export;

/// <summary><c>&lt;name&gt;_complex_types.json</c>: generic instantiations and collections with their element types.</summary>
internal static class ComplexTypesJson
{
    public const string SchemaId = "https://memscope.dev/schemas/complex_types.schema.json";

    public static string Write(Recording.Recording recording, LifecycleReport report, string name, string path) =>
        JsonFile.Write(path, writer =>
        {
            var types = report.Objects
                .GroupBy(o => o.TypeId)
                .Select(g => (Type: TypeRegistry.TypeOf(g.Key), Objects: g.ToList()))
                .Where(t => t.Type is not null && (t.Type.IsGenericType || t.Type.IsArray || IsCollection(t.Type)))
                .OrderByDescending(t => t.Objects.Sum(o => o.Size))
                .ThenBy(t => t.Objects[0].TypeName, StringComparer.Ordinal)
                .ToList();

            JsonFile.WriteHeader(writer, recording, name, SchemaId);
            writer.WriteStartObject("summary");
            writer.WriteNumber("complexTypes", types.Count);
            writer.WriteNumber("genericInstantiations", types.Count(t => t.Type!.IsGenericType));
            writer.WriteNumber("collections", types.Count(t => IsCollection(t.Type!)));
            writer.WriteNumber("maxGenericDepth", types.Count == 0 ? 0 : types.Max(t => Depth(t.Type!)));
            writer.WriteEndObject();

            writer.WriteStartArray("types");
            foreach (var (type, objects) in types)
            {
                writer.WriteStartObject();
                writer.WriteString("typeName", objects[0].TypeName);
                JsonFile.WriteNullableString(writer, "genericDefinition", type!.IsGenericType ? TypeNames.Format(type.GetGenericTypeDefinition()) : null);
                writer.WriteStartArray("genericArguments");
                foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes)
                    writer.WriteStringValue(TypeNames.Format(argument));
                writer.WriteEndArray();
                writer.WriteBoolean("isCollection", IsCollection(type));
                JsonFile.WriteNullableString(writer, "elementType", ElementType(type) is { } element ? TypeNames.Format(element) : null);
                writer.WriteNumber("genericDepth", Depth(type));
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

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    /// <summary>T of IEnumerable&lt;T&gt; (KeyValuePair&lt;K, V&gt; for dictionaries), or the array's element type.</summary>
    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
            return type.GetElementType();
        return type.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(System.Collections.Generic.IEnumerable<>))
            ?.GetGenericArguments()[0];
    }

    /// <summary>How deeply generic arguments nest: List&lt;int&gt; is 1, Dictionary&lt;string, List&lt;int&gt;&gt; is 2.</summary>
    private static int Depth(Type type)
    {
        if (type.IsArray)
            return Depth(type.GetElementType()!);
        return type.IsGenericType ? 1 + type.GetGenericArguments().Max(Depth) : 0;
    }
}
