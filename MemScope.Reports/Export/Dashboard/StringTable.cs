using System.Collections.Generic;
using System.Text.Json;

namespace MemScopeReports.Export.Dashboard;

/// <summary>
/// Interns every string the dashboard shows (type, variable, file, method names): a million objects share a few
/// hundred names, so the columns hold small integers and each name is written (and escaped) once.
/// </summary>
internal sealed class StringTable
{
    private readonly Dictionary<string, int> _index = new(System.StringComparer.Ordinal);
    // The same few hundred string instances come back a million times: found by reference, they are not hashed again.
    private readonly Dictionary<string, int> _byInstance = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> _strings = new();

    /// <summary>The string's index, or -1 for null so "no variable" stays distinct from an empty name.</summary>
    public int Of(string? text)
    {
        if (text is null)
            return -1;
        if (_byInstance.TryGetValue(text, out int id))
            return id;
        if (!_index.TryGetValue(text, out id))
        {
            id = _strings.Count;
            _strings.Add(text);
            _index.Add(text, id);
        }
        // Capped, should names be built anew for each object.
        if (_byInstance.Count < 100_000)
            _byInstance[text] = id;
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
