using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Fody;

namespace MemScopeFody.Weaving;

/// <summary>The attributes of &lt;MemScope&gt; in FodyWeavers.xml, as declared in MemScope.Fody.xcf.</summary>
public sealed class WeaverConfig
{
    private static readonly string[] KnownAttributes =
        {
            "TrackLocals", "TrackAllocations", "TrackFields", "TrackDisposables", "TrackHandles", "TrackNativeMemory", "TrackPInvoke", "TrackEvents",
            "TrackAll", "IncludeNamespaces", "ExcludeNamespaces",
        };

    public bool TrackLocals { get; private set; } = true;
    public bool TrackAllocations { get; private set; } = true;
    public bool TrackFields { get; private set; } = true;
    public bool TrackDisposables { get; private set; } = true;
    public bool TrackHandles { get; private set; } = true;
    public bool TrackNativeMemory { get; private set; } = true;
    public bool TrackPInvoke { get; private set; } = true;
    public bool TrackEvents { get; private set; } = true;
    public bool TrackAll { get; private set; }
    public IReadOnlyList<string> IncludeNamespaces { get; private set; } = Array.Empty<string>();
    public IReadOnlyList<string> ExcludeNamespaces { get; private set; } = Array.Empty<string>();

    public static WeaverConfig Read(XElement? element)
    {
        var config = new WeaverConfig();
        if (element is null)
            return config;

        foreach (var attribute in element.Attributes())
        {
            string name = attribute.Name.LocalName;
            switch (name)
            {
                case "TrackLocals": config.TrackLocals = ReadBool(attribute); break;
                case "TrackAllocations": config.TrackAllocations = ReadBool(attribute); break;
                case "TrackFields": config.TrackFields = ReadBool(attribute); break;
                case "TrackDisposables": config.TrackDisposables = ReadBool(attribute); break;
                case "TrackHandles": config.TrackHandles = ReadBool(attribute); break;
                case "TrackNativeMemory": config.TrackNativeMemory = ReadBool(attribute); break;
                case "TrackPInvoke": config.TrackPInvoke = ReadBool(attribute); break;
                case "TrackEvents": config.TrackEvents = ReadBool(attribute); break;
                case "TrackAll": config.TrackAll = ReadBool(attribute); break;
                case "IncludeNamespaces": config.IncludeNamespaces = ReadList(attribute); break;
                case "ExcludeNamespaces": config.ExcludeNamespaces = ReadList(attribute); break;
                default:
                    if (attribute.IsNamespaceDeclaration || attribute.Name.NamespaceName.Length > 0)
                        break;
                    throw new WeavingException(
                        $"FodyWeavers.xml: <MemScope> has no attribute '{name}'. Known attributes: {string.Join(", ", KnownAttributes)}.");
            }
        }
        return config;
    }

    private static bool ReadBool(XAttribute attribute)
    {
        switch (attribute.Value.Trim().ToLowerInvariant())
        {
            case "true": case "1": return true;
            case "false": case "0": return false;
            default:
                throw new WeavingException(
                    $"FodyWeavers.xml: <MemScope {attribute.Name.LocalName}=\"{attribute.Value}\"> must be true or false.");
        }
    }

    private static IReadOnlyList<string> ReadList(XAttribute attribute)
    {
        var items = attribute.Value.Split(new[] { '|' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(item => item.Trim())
            .Where(item => item.Length > 0)
            .ToList();
        foreach (var item in items)
        {
            if (item.Any(c => !(char.IsLetterOrDigit(c) || c == '_' || c == '.')))
                throw new WeavingException(
                    $"FodyWeavers.xml: <MemScope {attribute.Name.LocalName}> contains '{item}', which is not a namespace name. Separate namespaces with '|'.");
        }
        return items;
    }
}
