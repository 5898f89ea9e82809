using System.Collections.Generic;
using System.Globalization;
using System.Text;
using MemScopeRuntime;

namespace MemScopeFody.Weaving;

/// <summary>One injection point, known at weave time. Its index in the table is its site id.</summary>
public sealed class Site
{
    public Site(string kind, string method, string? file, int line, int column, string? name, string? type)
    {
        Kind = kind;
        Method = method;
        File = file;
        Line = line;
        Column = column;
        Name = name;
        Type = type;
    }

    public string Kind { get; }
    public string Method { get; }
    public string? File { get; }
    public int Line { get; }
    public int Column { get; }
    public string? Name { get; }
    public string? Type { get; }

    /// <summary>A store to a static field: what it holds at exit is held for the life of the program.</summary>
    public bool IsStatic { get; set; }

    /// <summary>For an allocation passed straight to a constructor that takes ownership of it (`new StreamReader(new MemoryStream())`): the owner's allocation site.</summary>
    public int? Owner { get; set; }
}

/// <summary>
/// The one site table every weaving concern adds to. Written into the woven assembly as the
/// <see cref="WeaverContract.SiteTableResource"/> resource, which MemScope.Runtime reads only when it exports a report.
/// </summary>
public sealed class SiteTableBuilder
{
    private readonly List<Site> _sites = new List<Site>();

    public int Count => _sites.Count;

    public IReadOnlyList<Site> Sites => _sites;

    public int Add(Site site)
    {
        _sites.Add(site);
        return _sites.Count - 1;
    }

    public byte[] ToJson(string assemblyName)
    {
        var json = new StringBuilder();
        json.Append("{\"format\":").Append(WeaverContract.SiteTableFormat)
            .Append(",\"assembly\":").Append(Quote(assemblyName))
            .Append(",\"sites\":[");
        for (int i = 0; i < _sites.Count; i++)
        {
            var site = _sites[i];
            if (i > 0)
                json.Append(',');
            json.Append("\n{\"kind\":").Append(Quote(site.Kind))
                .Append(",\"method\":").Append(Quote(site.Method));
            if (site.File != null)
                json.Append(",\"file\":").Append(Quote(site.File));
            json.Append(",\"line\":").Append(site.Line.ToString(CultureInfo.InvariantCulture))
                .Append(",\"column\":").Append(site.Column.ToString(CultureInfo.InvariantCulture));
            if (site.Name != null)
                json.Append(",\"name\":").Append(Quote(site.Name));
            if (site.Type != null)
                json.Append(",\"type\":").Append(Quote(site.Type));
            if (site.IsStatic)
                json.Append(",\"static\":true");
            if (site.Owner is int owner)
                json.Append(",\"owner\":").Append(owner.ToString(CultureInfo.InvariantCulture));
            json.Append('}');
        }
        json.Append("]}\n");
        return new UTF8Encoding(false).GetBytes(json.ToString());
    }

    private static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20)
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        builder.Append(c);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }
}
