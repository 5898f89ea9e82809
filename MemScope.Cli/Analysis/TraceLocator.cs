using System;
using System.IO;
using System.Linq;

namespace MemScopeCli.Analysis;

/// <summary>
/// Turns a command's &lt;trace|dir&gt; argument into one .mscope path. A report folder holds one trace per export
/// name, so a folder with several needs --base to say which; guessing would analyze the wrong run silently.
/// </summary>
internal static class TraceLocator
{
    public const string Extension = ".mscope";

    public static string Resolve(string path, string? baseName)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new CliException("no trace given: name a .mscope file or a report folder.");
        if (!Directory.Exists(path))
        {
            if (baseName is not null && !File.Exists(path))
                throw new CliException($"{path}: no such file or directory.");
            // A missing file is left to TraceFile.Read, whose message names it.
            return path;
        }

        if (baseName is not null)
        {
            string named = Path.Combine(path, baseName.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? baseName : baseName + Extension);
            if (!File.Exists(named))
                throw new CliException($"{path}: no trace named {Path.GetFileName(named)}{Available(path)}.");
            return named;
        }

        var traces = Directory.GetFiles(path, "*" + Extension).OrderBy(f => f, StringComparer.Ordinal).ToArray();
        return traces.Length switch
        {
            0 => throw new CliException($"{path}: no {Extension} trace in this folder (MemScope.Export writes <name>{Extension} next to the JSON reports)."),
            1 => traces[0],
            _ => throw new CliException($"{path}: {traces.Length} traces ({string.Join(", ", traces.Select(Path.GetFileName))}); pick one with --base NAME."),
        };
    }

    /// <summary>The name a report of this trace goes by: the file name without .mscope, as MemScope.Export named it.</summary>
    public static string BaseName(string tracePath) => Path.GetFileNameWithoutExtension(tracePath);

    private static string Available(string directory)
    {
        var names = Directory.GetFiles(directory, "*" + Extension).Select(Path.GetFileNameWithoutExtension).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        return names.Length == 0 ? " (the folder has no traces)" : $" (available: {string.Join(", ", names)})";
    }
}
