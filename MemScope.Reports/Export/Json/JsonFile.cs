using System;
using System.IO;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using MemScopeTrace.Format;
using MemScopeTrace.Model;

namespace MemScopeReports.Export.Json;

/// <summary>Shared plumbing of the JSON reports: one streaming writer per file, the common header, sites.</summary>
internal static class JsonFile
{
    /// <summary>Bumped when a report's shape changes incompatibly; each schema under schemas/ pins it.</summary>
    public const string SchemaVersion = "1.0";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        // Names from the program may contain '<' or '&'; the escaper keeps them safe to embed in HTML later.
        Encoder = JavaScriptEncoder.Default,
    };

    public static string Write(string path, Action<Utf8JsonWriter> body) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new Utf8JsonWriter(stream, Options);
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        });

    /// <summary>
    /// A writer on a stream keeps everything in its own buffer until flushed: per-row loops hand it to the file every
    /// 64 KB, so a large report never sits whole in memory (nor is copied each time that buffer grows).
    /// </summary>
    public static void FlushIfFull(Utf8JsonWriter writer)
    {
        if (writer.BytesPending >= 1 << 16)
            writer.Flush();
    }

    public static void WriteHeader(Utf8JsonWriter writer, Recording recording, string name, string schemaId)
    {
        writer.WriteString("$schema", schemaId);
        writer.WriteString("schemaVersion", SchemaVersion);
        writer.WriteString("name", name);
        writer.WriteString("generatedAt", DateTimeOffset.UtcNow);
        writer.WriteString("sessionStartedAt", recording.StartedAt);
        writer.WriteString("tool", "MemScope " + typeof(JsonFile).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);
        // Every file says whether allocations were sampled, so no total is read as exact when it is not.
        writer.WriteNumber("sampledOneIn", recording.SampleOneIn);
    }

    public static void WriteSite(Utf8JsonWriter writer, string property, SiteInfo? site)
    {
        if (site is null)
        {
            writer.WriteNull(property);
            return;
        }
        writer.WriteStartObject(property);
        writer.WriteNumber("siteId", site.Id);
        writer.WriteString("kind", KindName(site.Kind));
        writer.WriteString("method", site.Method);
        if (site.File is null)
            writer.WriteNull("file");
        else
            writer.WriteString("file", site.File);
        writer.WriteNumber("line", site.Line);
        writer.WriteNumber("column", site.Column);
        writer.WriteString("location", site.Location);
        writer.WriteEndObject();
    }

    public static string KindName(SiteKind kind) => kind switch
    {
        SiteKind.Alloc => "alloc",
        SiteKind.Local => "local",
        SiteKind.Field => "field",
        SiteKind.ScopeEnd => "scopeEnd",
        SiteKind.Dispose => "dispose",
        SiteKind.Call => "call",
        SiteKind.Native => "native",
        SiteKind.PInvoke => "pinvoke",
        SiteKind.Finalizer => "finalizer",
        SiteKind.Event => "event",
        _ => "unknown",
    };

    public static void WriteMilliseconds(Utf8JsonWriter writer, string property, Recording recording, long? timestamp)
    {
        if (timestamp is { } t)
            writer.WriteNumber(property, Math.Round(recording.ToMilliseconds(t), 4));
        else
            writer.WriteNull(property);
    }

    public static void WriteNullableString(Utf8JsonWriter writer, string property, string? value)
    {
        if (value is null)
            writer.WriteNull(property);
        else
            writer.WriteString(property, value);
    }
}
