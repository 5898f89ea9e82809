using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using MemScopeTestShared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace MemScopePackagingTests;

/// <summary>
/// The analyzers as packed into MemScope.Fody: every rule's help link opens a page of the repository the packages
/// declare, and the README tables say truthfully which rules have a code fix.
/// </summary>
[Collection(PackedSolutionCollection.Name)]
public class AnalyzerRulesTests(PackedSolution packed)
{
    [Fact]
    public void Every_rule_links_to_its_page_in_the_declared_repository_and_the_page_exists()
    {
        var rules = LoadPacked().Rules;

        Assert.Equal(Enumerable.Range(1, 11).Select(n => $"MEM{n:000}"), rules.Keys.Order(StringComparer.Ordinal));
        string prefix = packed.RepositoryUrl + "/blob/main/";
        Assert.All(rules.Values, rule =>
        {
            Assert.StartsWith(prefix, rule.HelpLinkUri);
            string page = Path.Combine(TestEnvironment.RepositoryRoot, rule.HelpLinkUri[prefix.Length..]);
            Assert.True(File.Exists(page), $"{rule.Id} links to {rule.HelpLinkUri}, but {page} does not exist");
            Assert.StartsWith($"# {rule.Id}", File.ReadAllText(page));
        });
    }

    [Fact]
    public void The_rule_tables_name_exactly_the_rules_that_have_a_code_fix()
    {
        var (rules, fixable) = LoadPacked();
        Assert.NotEmpty(fixable);

        foreach (string readme in new[] { "README.md", Path.Combine("MemScope.Analyzers", "docs", "rules", "README.md") })
        {
            var table = RuleTable(Path.Combine(TestEnvironment.RepositoryRoot, readme));
            Assert.True(rules.Keys.Order(StringComparer.Ordinal).SequenceEqual(table.Keys.Order(StringComparer.Ordinal)), $"{readme} does not list exactly MEM001-MEM011");
            var claimed = table.Where(row => row.Value).Select(row => row.Key).Order(StringComparer.Ordinal).ToList();
            Assert.True(fixable.Order(StringComparer.Ordinal).SequenceEqual(claimed),
                $"{readme} claims code fixes for {string.Join(", ", claimed)}; the packed code fixes fix {string.Join(", ", fixable.Order(StringComparer.Ordinal))}");
        }
    }

    /// <summary>Rows `| [MEMnnn](…) | … | fix |` of a markdown table: the rule and whether its last cell names a fix (anything but a dash).</summary>
    private static Dictionary<string, bool> RuleTable(string path)
    {
        var rows = new Dictionary<string, bool>();
        foreach (string line in File.ReadLines(path))
        {
            var match = Regex.Match(line, @"^\|\s*\[(MEM\d{3})\]\([^)]*\)\s*\|");
            if (!match.Success)
                continue;
            string last = line.TrimEnd().TrimEnd('|').Split('|')[^1].Trim();
            rows.Add(match.Groups[1].Value, last is not ("–" or "-" or "—" or ""));
        }
        return rows;
    }

    private (Dictionary<string, DiagnosticDescriptor> Rules, HashSet<string> Fixable) LoadPacked()
    {
        var package = packed["MemScope.Fody"];
        string directory = Directory.CreateTempSubdirectory("memscope-analyzers-").FullName;
        package.Extract(package.Entries.Where(e => e.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal)), directory);

        var context = new AnalyzerLoadContext(directory);
        try
        {
            var types = Directory.GetFiles(directory, "*.dll").SelectMany(path => context.LoadFromAssemblyPath(path).GetTypes()).Where(t => !t.IsAbstract).ToList();
            var rules = types
                .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
                .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
                .GroupBy(d => d.Id)
                .ToDictionary(g => g.Key, g => g.First());
            var fixable = types
                .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
                .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
                .ToHashSet(StringComparer.Ordinal);
            return (rules, fixable);
        }
        finally
        {
            context.Unload();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Loads the packed MemScope assemblies side by side; Roslyn itself comes from the test's own references.</summary>
    private sealed class AnalyzerLoadContext(string directory) : AssemblyLoadContext("memscope-packed-analyzers", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName name)
        {
            string candidate = Path.Combine(directory, name.Name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
