using System.Collections.Generic;
using System.Text.Json;
using MemScopeTrace.Model;

namespace MemScopeReports.Export.Dashboard;

/// <summary>Numbers the sites the dashboard refers to, in first-use order, so rows carry one integer per site.</summary>
internal sealed class SiteIndex(StringTable strings)
{
    // By reference: each site is one instance, and a record's value hash would hash all its strings a million times.
    private readonly Dictionary<SiteInfo, int> _index = new(ReferenceEqualityComparer.Instance);
    private readonly List<SiteInfo> _sites = new();

    public int Of(SiteInfo? site)
    {
        if (site is null)
            return -1;
        if (!_index.TryGetValue(site, out int id))
        {
            id = _sites.Count;
            _sites.Add(site);
            _index.Add(site, id);
        }
        return id;
    }

    /// <summary>Written after every row so that all sites used by the rows are numbered.</summary>
    public void Write(Utf8JsonWriter writer, string property)
    {
        writer.WriteStartObject(property);
        Columns.Ints(writer, "file", _sites, s => strings.Of(s.File));
        Columns.Ints(writer, "line", _sites, s => s.Line);
        Columns.Ints(writer, "method", _sites, s => strings.Of(s.Method));
        Columns.Ints(writer, "name", _sites, s => strings.Of(s.Name));
        Columns.Ints(writer, "kind", _sites, s => strings.Of(Json.JsonFile.KindName(s.Kind)));
        // The API a native site calls (Marshal.FreeHGlobal), or the declared type of a variable or field.
        Columns.Ints(writer, "decl", _sites, s => strings.Of(s.DeclaredType));
        writer.WriteEndObject();
    }
}
