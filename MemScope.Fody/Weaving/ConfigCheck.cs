using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Fody;
using Mono.Cecil;

namespace MemScopeFody.Weaving;

/// <summary>
/// Mistakes in the &lt;MemScope&gt; configuration that are valid XML and valid attributes, yet cannot be what the
/// developer meant: a namespace filter that matches no type (a typo weaves nothing, silently), a filter that has no
/// effect, and a repeated &lt;MemScope&gt; element (Fody hands the weaver only the last one).
/// </summary>
public static class ConfigCheck
{
    private const string FileName = "FodyWeavers.xml";
    private const string ElementName = "MemScope";

    /// <summary>One warning for each namespace filter of <paramref name="config"/> that cannot act on <paramref name="module"/>.</summary>
    public static IEnumerable<string> NamespaceFilterWarnings(ModuleDefinition module, WeaverConfig config, bool assemblyTracked)
    {
        if (config.IncludeNamespaces.Count > 0 && !assemblyTracked)
        {
            yield return $"{FileName}: <{ElementName} IncludeNamespaces=\"{string.Join("|", config.IncludeNamespaces)}\"> has no effect: " +
                $"it chooses among the types of {module.Assembly.Name.Name} only with TrackAll=\"true\" or [assembly: Tracked].";
        }

        var namespaces = new SortedSet<string>(
            module.Types.Select(t => t.Namespace).Where(ns => ns.Length > 0 && !ns.StartsWith("<", StringComparison.Ordinal)),
            StringComparer.Ordinal);
        foreach (var (attribute, filters) in new[] { ("IncludeNamespaces", config.IncludeNamespaces), ("ExcludeNamespaces", config.ExcludeNamespaces) })
        {
            foreach (var filter in filters.Where(f => !namespaces.Any(ns => TrackingScope.InNamespace(ns, f))))
            {
                string known = namespaces.Count == 0
                    ? "it has no namespaced types"
                    : "its namespaces are " + string.Join(", ", namespaces.Take(10)) + (namespaces.Count > 10 ? $" and {namespaces.Count - 10} more" : "");
                yield return $"{FileName}: <{ElementName} {attribute}> names '{filter}', which matches no type of {module.Assembly.Name.Name} ({known}).";
            }
        }
    }

    /// <summary>
    /// Fails when a FodyWeavers.xml Fody reads for this project holds &lt;MemScope&gt; more than once. Fody keeps only the
    /// last of them and gives the weaver that element alone, so the weaver reads the files itself: the project's and
    /// the solution's (a project file overriding the solution's is intended; two in one file are not).
    /// Configuration passed in the WeaverConfiguration MSBuild property is not visible to the weaver.
    /// </summary>
    public static void ThrowIfRepeated(params string?[] directories)
    {
        var files = directories
            .Where(d => !string.IsNullOrEmpty(d))
            .Select(d => Path.GetFullPath(Path.Combine(d!, FileName)))
            .Distinct(StringComparer.Ordinal)
            .Where(File.Exists);
        foreach (var file in files)
        {
            int count = XDocument.Load(file).Root?.Elements().Count(e => e.Name.LocalName == ElementName) ?? 0;
            if (count > 1)
            {
                throw new WeavingException(
                    $"{file}: <{ElementName}> appears {count} times; Fody passes only the last one to the weaver, so the others would be ignored. Merge them into one element.");
            }
        }
    }
}
