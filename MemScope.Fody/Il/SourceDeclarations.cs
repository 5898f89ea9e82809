using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Mono.Cecil.Cil;

namespace MemScopeFody.Il;

/// <summary>
/// The variable a source statement declares or assigns (`var reader = new StreamReader(path);`), read from the
/// source file the PDB names. An optimising build removes a local used once, and with it the local's name from the
/// IL and the PDB; the statement that declared it still says it.
/// </summary>
public sealed class SourceDeclarations
{
    // [await] [using] [Type or var] name =   (not ==, not =>); a member access or an indexer on the left is not a local.
    private static readonly Regex Declaration = new Regex(
        @"^\s*(?:await\s+)?(?:using\s+)?(?:(?:var|[A-Za-z_][\w.]*(?:<[^;=()]*>)?\??(?:\[[,\s]*\])*\??)\s+)?@?(?<name>[A-Za-z_]\w*)\s*=(?![=>])",
        RegexOptions.CultureInvariant);

    private static readonly HashSet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "return", "yield", "throw", "await", "new", "this", "base", "case", "goto", "else",
    };

    private readonly Dictionary<string, string[]?> _files = new Dictionary<string, string[]?>(StringComparer.Ordinal);

    /// <summary>The name declared or assigned by the statement at <paramref name="point"/>, or null.</summary>
    public string? NameAt(SequencePoint point)
    {
        string? statement = TextOf(point);
        if (statement == null)
            return null;
        // `using (var stream = new FileStream(...))`: the sequence point covers the declaration inside the parentheses.
        var match = Declaration.Match(statement);
        if (!match.Success)
            return null;
        string name = match.Groups["name"].Value;
        return Keywords.Contains(name) ? null : name;
    }

    private string? TextOf(SequencePoint point)
    {
        var lines = Lines(point.Document.Url);
        if (lines == null || point.StartLine < 1 || point.EndLine > lines.Length || point.EndLine < point.StartLine)
            return null;
        var text = new System.Text.StringBuilder();
        for (int line = point.StartLine; line <= point.EndLine; line++)
        {
            string content = lines[line - 1];
            int from = line == point.StartLine ? Math.Min(Math.Max(point.StartColumn - 1, 0), content.Length) : 0;
            int to = line == point.EndLine ? Math.Min(Math.Max(point.EndColumn - 1, from), content.Length) : content.Length;
            text.Append(content, from, to - from).Append('\n');
        }
        return text.ToString();
    }

    private string[]? Lines(string path)
    {
        if (!_files.TryGetValue(path, out var lines))
        {
            // A source file that is not on this machine (a PDB from elsewhere) leaves the name to the IL, as before.
            _files[path] = lines = File.Exists(path) ? File.ReadAllLines(path) : null;
        }
        return lines;
    }
}
