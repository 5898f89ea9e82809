using System;
using System.IO;
using System.Linq;

namespace MemScopeCli.Output;

/// <summary>
/// The folder machine-readable outputs give source files relative to (`--source-root`, default: the current
/// directory, where a CI job runs from the checkout's root). Code scanning matches a relative path against the
/// repository; an absolute path of the machine that recorded is kept as it is when it is not under the root.
/// Pure string work: paths come from a trace and are never resolved against this machine's file system.
/// </summary>
internal sealed class SourceRoot
{
    /// <summary>The name SARIF results refer to the root by (uriBaseId).</summary>
    public const string BaseId = "SRCROOT";

    private static readonly StringComparison PathComparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public SourceRoot(string directory)
    {
        string full = Path.GetFullPath(directory);
        Folder = Path.EndsInDirectorySeparator(full) ? full : full + Path.DirectorySeparatorChar;
    }

    /// <summary>The root, absolute, ending in a separator.</summary>
    public string Folder { get; }

    /// <summary>The root as an absolute file URI ending in '/', as SARIF's originalUriBaseIds wants it.</summary>
    public string Uri => "file://" + EscapePath(Folder.Replace('\\', '/').StartsWith('/') ? Folder.Replace('\\', '/') : "/" + Folder.Replace('\\', '/'));

    /// <summary>The file relative to the root with '/' separators, or null when it is not under the root.</summary>
    public string? Relative(string file) =>
        file.Length > Folder.Length && file.StartsWith(Folder, PathComparison) ? file[Folder.Length..].Replace('\\', '/') : null;

    /// <summary>The file as outputs print it: relative to the root when under it, else as the trace recorded it.</summary>
    public string Display(string file) => Relative(file) ?? file;

    /// <summary>
    /// A SARIF artifactLocation for the file: a relative URI with the root's base id when under the root, an
    /// absolute file URI for another absolute path, an escaped relative reference otherwise. Every character
    /// outside the URI's unreserved set is percent-encoded, so any name in a trace gives a valid URI reference.
    /// </summary>
    public (string Uri, string? BaseId) ArtifactUri(string file)
    {
        if (Relative(file) is { } relative)
            return (EscapePath(relative), BaseId);
        string slashed = file.Replace('\\', '/');
        return slashed.StartsWith('/') ? ("file://" + EscapePath(slashed), null) : (EscapePath(slashed), null);
    }

    private static string EscapePath(string path) => string.Join('/', path.Split('/').Select(System.Uri.EscapeDataString));
}
