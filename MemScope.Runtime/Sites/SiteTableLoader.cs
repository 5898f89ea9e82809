using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using MemScopeTrace.Model;

namespace MemScopeRuntime.Sites;

/// <summary>Reads the site tables the weaver embedded in each woven assembly.</summary>
internal static class SiteTableLoader
{
    /// <summary>The manifest resource the weaver writes into each woven assembly.</summary>
    public const string ResourceName = WeaverContract.SiteTableResource;

    /// <summary>Version of the site-table format this runtime reads.</summary>
    public const int FormatVersion = WeaverContract.SiteTableFormat;

    // A module's sites never change once it is registered: each export after the first reuses them.
    private static readonly ConcurrentDictionary<RegisteredModule, List<SiteInfo>> s_loaded = new();

    internal static SiteTable Load(IEnumerable<RegisteredModule> modules)
    {
        var sites = new List<SiteInfo>();
        foreach (var module in modules)
            sites.AddRange(s_loaded.GetOrAdd(module, LoadModule));
        return new SiteTable(sites);
    }

    private static List<SiteInfo> LoadModule(RegisteredModule module)
    {
        using var stream = module.Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"{module.Assembly.GetName().Name} was woven but has no {ResourceName} resource.");
        return Parse(stream, module.FirstSite);
    }

    internal static List<SiteInfo> Parse(Stream json, int firstSite)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        int format = root.GetProperty("format").GetInt32();
        if (format != FormatVersion)
            throw new InvalidDataException($"Site table format {format} is not supported by this MemScope.Runtime (expects {FormatVersion}); rebuild with matching MemScope.Fody and MemScope.Runtime versions.");

        string assembly = root.GetProperty("assembly").GetString() ?? "";
        var sites = new List<SiteInfo>();
        int index = 0;
        foreach (var entry in root.GetProperty("sites").EnumerateArray())
        {
            sites.Add(new SiteInfo(
                firstSite + index++,
                ParseKind(entry.GetProperty("kind").GetString()),
                assembly,
                entry.GetProperty("method").GetString() ?? "",
                OptionalString(entry, "file"),
                OptionalInt(entry, "line"),
                OptionalInt(entry, "column"),
                OptionalString(entry, "name"),
                OptionalString(entry, "type"))
            {
                IsStatic = entry.TryGetProperty("static", out var isStatic) && isStatic.ValueKind == JsonValueKind.True,
                OwnerSite = entry.TryGetProperty("owner", out var owner) && owner.ValueKind == JsonValueKind.Number ? firstSite + owner.GetInt32() : null,
            });
        }
        return sites;
    }

    private static SiteKind ParseKind(string? kind) => kind switch
    {
        WeaverContract.SiteKinds.Alloc => SiteKind.Alloc,
        WeaverContract.SiteKinds.Local => SiteKind.Local,
        WeaverContract.SiteKinds.Field => SiteKind.Field,
        WeaverContract.SiteKinds.ScopeEnd => SiteKind.ScopeEnd,
        WeaverContract.SiteKinds.Dispose => SiteKind.Dispose,
        WeaverContract.SiteKinds.Call => SiteKind.Call,
        WeaverContract.SiteKinds.Native => SiteKind.Native,
        WeaverContract.SiteKinds.PInvoke => SiteKind.PInvoke,
        WeaverContract.SiteKinds.Finalizer => SiteKind.Finalizer,
        WeaverContract.SiteKinds.Event => SiteKind.Event,
        _ => SiteKind.Unknown,
    };

    private static string? OptionalString(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int OptionalInt(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
}
