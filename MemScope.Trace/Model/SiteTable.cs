using System;
using System.Collections.Generic;

namespace MemScopeTrace.Model;

/// <summary>
/// The sites of every woven assembly by id: where each allocation, store, scope end or call was woven
/// (method, file:line, variable or field name).
/// </summary>
public sealed class SiteTable
{
    private readonly Dictionary<int, SiteInfo> _sites;

    public SiteTable(IEnumerable<SiteInfo> sites)
    {
        _sites = new Dictionary<int, SiteInfo>();
        foreach (var site in sites)
            _sites[site.Id] = site;
    }

    public IReadOnlyCollection<SiteInfo> All => _sites.Values;

    public SiteInfo? this[int id] => _sites.TryGetValue(id, out var site) ? site : null;
}
