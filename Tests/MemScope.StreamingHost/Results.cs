using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace MemScopeStreamingHost;

/// <summary>A scenario's figures, printed one <c>key=value</c> a line so that a test can read them back.</summary>
internal sealed class Results
{
    private readonly List<KeyValuePair<string, string>> _values = new();

    public Results Add(string key, long value) => Add(key, value.ToString(CultureInfo.InvariantCulture));

    public Results Add(string key, double value) => Add(key, value.ToString("0.###", CultureInfo.InvariantCulture));

    public Results Add(string key, string value)
    {
        _values.Add(new(key, value));
        return this;
    }

    public void Print(TextWriter output)
    {
        foreach (var (key, value) in _values)
            output.WriteLine($"{key}={value}");
    }
}
