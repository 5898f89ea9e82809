using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace MemScopePackagingTests;

/// <summary>
/// The README's "Quick start" section, read the way a newcomer reads it: its FodyWeavers.xml, its C# program, the
/// stderr line it promises, the `memscope check` command and the leak lines it prints.
/// </summary>
internal sealed record QuickStart(string FodyWeavers, string Code, string StderrLine, string CheckArguments, IReadOnlyList<string> CheckLines)
{
    public static QuickStart Read(string readmePath)
    {
        string text = File.ReadAllText(readmePath).Replace("\r\n", "\n");
        int start = text.IndexOf("\n## Quick start\n", StringComparison.Ordinal);
        if (start < 0)
            throw new InvalidOperationException("README.md has no '## Quick start' section");
        int end = text.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        int subsection = text.IndexOf("\n### ", start + 1, StringComparison.Ordinal);
        if (subsection >= 0 && (end < 0 || subsection < end))
            end = subsection;
        var blocks = Blocks(text[start..(end < 0 ? text.Length : end)]);

        string xml = Single(blocks, "xml");
        string code = Single(blocks, "csharp");
        string stderr = Single(blocks, "").Trim();
        var check = blocks.Where(b => b.Language == "bash").Select(b => b.Body).Single(b => b.Contains("memscope check", StringComparison.Ordinal));
        string checkCommand = check.Split('\n').Single(l => l.StartsWith("memscope check ", StringComparison.Ordinal));
        string arguments = checkCommand["memscope ".Length..].Split('#')[0].Trim();
        var lines = check.Split('\n').Where(l => l.StartsWith("#   - ", StringComparison.Ordinal)).Select(l => l[4..]).ToList();
        return new QuickStart(xml, code, stderr, arguments, lines);
    }

    private static string Single(List<(string Language, string Body)> blocks, string language)
    {
        var matching = blocks.Where(b => b.Language == language).ToList();
        if (matching.Count != 1)
            throw new InvalidOperationException($"README.md's quick start has {matching.Count} ```{language} blocks; the newcomer test expects one");
        return matching[0].Body;
    }

    private static List<(string Language, string Body)> Blocks(string section)
    {
        var blocks = new List<(string, string)>();
        var lines = section.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
                continue;
            string language = lines[i][3..].Trim();
            int close = Array.FindIndex(lines, i + 1, l => l.StartsWith("```", StringComparison.Ordinal));
            blocks.Add((language, string.Join('\n', lines[(i + 1)..close]) + "\n"));
            i = close;
        }
        return blocks;
    }
}
