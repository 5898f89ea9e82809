using System;
using System.Text.RegularExpressions;

namespace MemScopeReports.Export.Dashboard;

/// <summary>
/// How the dashboard links a source location to an editor: a URL template with <c>{path}</c> (the absolute file
/// path, with forward slashes and a leading slash) and <c>{line}</c>, or no link at all. Chosen with
/// <c>MEMSCOPE_EDITOR</c>: <c>vscode</c> (the default), <c>vscode-insiders</c>, <c>cursor</c>, <c>rider</c>,
/// <c>none</c>, or a template of one's own such as <c>myeditor://open?file={path}&amp;line={line}</c>.
/// </summary>
public sealed record EditorLink(string Name, string Template)
{
    public const string EnvironmentVariable = "MEMSCOPE_EDITOR";

    public static EditorLink VsCode { get; } = new("vscode", "vscode://file{path}:{line}");
    public static EditorLink VsCodeInsiders { get; } = new("vscode-insiders", "vscode-insiders://file{path}:{line}");
    public static EditorLink Cursor { get; } = new("cursor", "cursor://file{path}:{line}");
    /// <summary>JetBrains Rider through its URL handler (registered by the IDE or the Toolbox App).</summary>
    public static EditorLink Rider { get; } = new("rider", "rider://open?file={path}&line={line}");
    public static EditorLink None { get; } = new("none", "");

    // A scheme of our own choosing or the user's: never one that runs or embeds content in the page.
    private static readonly Regex SafeTemplate = new(@"^(?!(?:javascript|data|vbscript|blob|file|about):)[a-z][a-z0-9+.\-]*:[^\s<>""']*\{path\}[^\s<>""']*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The editor named by <c>MEMSCOPE_EDITOR</c>; VS Code when unset, no link when the value is not understood.</summary>
    public static EditorLink FromEnvironment() => Parse(Environment.GetEnvironmentVariable(EnvironmentVariable));

    public static EditorLink Parse(string? value)
    {
        string text = value?.Trim() ?? "";
        switch (text.ToLowerInvariant())
        {
            case "":
            case "vscode":
            case "code":
                return VsCode;
            case "vscode-insiders":
                return VsCodeInsiders;
            case "cursor":
                return Cursor;
            case "rider":
                return Rider;
            case "none":
            case "off":
            case "0":
                return None;
        }
        return SafeTemplate.IsMatch(text) ? new EditorLink("custom", text) : None;
    }
}
