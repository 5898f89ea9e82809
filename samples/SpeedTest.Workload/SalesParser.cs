using System;
using System.Collections.Generic;
using System.Globalization;

namespace SpeedTestWorkload;

/// <summary>Parses lines into <see cref="SalesRecord"/>s; interns the repeated names the way a real importer would.</summary>
[Tracked]
public sealed class SalesParser
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private int _rejected;

    public int Rejected => _rejected;

    public List<SalesRecord> ParseAll(IReadOnlyList<string> lines)
    {
        var records = new List<SalesRecord>(lines.Count);
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line == CsvSource.Header)
                continue;
            var record = Parse(line);
            if (record is null)
                _rejected++;
            else
                records.Add(record);
        }
        return records;
    }

    public SalesRecord? Parse(string line)
    {
        var fields = line.Split(';');
        if (fields.Length != 6)
            return null;
        if (!int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out int id) ||
            !int.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out int quantity) ||
            !decimal.TryParse(fields[5], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal price))
            return null;
        return new SalesRecord(id, Intern(fields[1]), Intern(fields[2]), Intern(fields[3]), quantity, (long)(price * 100));
    }

    private string Intern(string name)
    {
        if (_names.TryGetValue(name, out var known))
            return known;
        _names.Add(name, name);
        return name;
    }
}
