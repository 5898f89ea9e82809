using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MemScopeTrace.Model;

namespace MemScopeCli;

/// <summary>
/// Shortens file:line in console tables by the source folder all of a recording's files share. Absolute paths
/// make every site column 50 characters wide and squeeze the variable names out of the table; the folder is
/// printed once above the tables, so each short path still leads to exactly one file.
/// </summary>
internal sealed class SourcePaths
{
    private SourcePaths(string root) => Root = root;

    /// <summary>The shared folder, ending in a separator; empty when the files share none.</summary>
    public string Root { get; }

    public static SourcePaths Of(params MemScopeTrace.Model.Recording[] recordings)
    {
        var folders = recordings.SelectMany(r => r.Sites.All).Select(s => s.File).OfType<string>()
            .Select(f => Path.GetDirectoryName(f) ?? "").Distinct(StringComparer.Ordinal).ToList();
        return new SourcePaths(CommonFolder(folders));
    }

    public string Site(SiteInfo? site) =>
        site?.File is { } file ? $"{Short(file)}:{site.Line}" : Text.Site(site);

    /// <summary>A Location string (file:line) as AllocationTotals keeps it.</summary>
    public string Short(string? location) =>
        location is null ? Text.Unknown : Root.Length > 0 && location.StartsWith(Root, StringComparison.Ordinal) ? location[Root.Length..] : location;

    /// <summary>A sentence with the shared folder taken out of every path in it: it is printed once above the tables.</summary>
    public string Shorten(string text) => Root.Length > 0 ? text.Replace(Root, "", StringComparison.Ordinal) : text;

    private static string CommonFolder(List<string> folders)
    {
        if (folders.Count == 0)
            return "";
        var parts = folders.Select(f => f.Split('/', '\\')).ToList();
        int shared = 0;
        while (parts.All(p => p.Length > shared && p[shared] == parts[0][shared]))
            shared++;
        if (shared == 0)
            return "";
        // The separator the paths themselves use, so the prefix matches them character for character.
        char separator = folders[0].Contains('\\') && !folders[0].Contains('/') ? '\\' : '/';
        string root = string.Join(separator, parts[0].Take(shared));
        return root.Length == 0 ? "" : root + separator;
    }
}
