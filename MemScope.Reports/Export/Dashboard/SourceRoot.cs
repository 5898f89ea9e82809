using System;
using System.Collections.Generic;

namespace MemScopeReports.Export.Dashboard;

/// <summary>
/// The deepest folder that holds every source file of a recording: the dashboard shows paths relative to it
/// (Program.cs:79 rather than /home/me/src/app/Program.cs:79) and keeps the full path for the editor link.
/// </summary>
internal static class SourceRoot
{
    /// <summary>The common folder with its trailing separator, or "" when the files share none (or only the file system's root).</summary>
    public static string Of(IEnumerable<string?> files)
    {
        string? common = null;
        foreach (var file in files)
        {
            if (string.IsNullOrEmpty(file))
                continue;
            int end = LastSeparator(file);
            string folder = end < 0 ? "" : file[..(end + 1)];
            common = common is null ? folder : CommonFolder(common, folder);
            if (common.Length == 0)
                return "";
        }
        // "/" or "C:\" says nothing a reader could not see: paths stay as they are.
        if (common is null || common.Length <= 1 || (common.Length <= 3 && common.Length >= 2 && common[1] == ':'))
            return "";
        return common;
    }

    private static string CommonFolder(string a, string b)
    {
        int length = Math.Min(a.Length, b.Length);
        int lastSeparator = -1;
        for (int i = 0; i < length; i++)
        {
            if (a[i] != b[i])
                break;
            if (a[i] is '/' or '\\')
                lastSeparator = i;
        }
        return lastSeparator < 0 ? "" : a[..(lastSeparator + 1)];
    }

    private static int LastSeparator(string path) => path.LastIndexOfAny(['/', '\\']);
}
