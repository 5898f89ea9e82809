using System.Collections.Generic;
using System.Text.Json;

namespace MemScopeRuntime.Export.Dashboard;

/// <summary>
/// Interns every string the dashboard shows (type, variable, file, method names): a million objects share a few
/// hundred names, so the columns hold small integers and each name is written (and escaped) once.
/// </summary>
internal sealed class StringTable
{
    private readonly Dictionary<string, int> _index = new(System.StringComparer.Ordinal);
    private readonly List<string> _strings = new();

    /// <summary>The string's index, or -1 for null so "no variable" stays distinct from an empty name.</summary>
    public int Of(string? text)
    {
        if (text is null)
            return -1;
        if (!_index.TryGetValue(text, out int id))
        {
            id = _strings.Count;
            _strings.Add(text);
            _index.Add(text, id);
        }
        return id;
    }

    public void Write(Utf8JsonWriter writer, string property)
    {
        writer.WriteStartArray(property);
        foreach (var text in _strings)
            writer.WriteStringValue(text);
        writer.WriteEndArray();
    }
}
