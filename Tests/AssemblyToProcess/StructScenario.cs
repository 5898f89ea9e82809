namespace AssemblyToProcess;

[Tracked]
public struct Accumulator
{
    private int _total;

    public string Describe(int count)
    {
        var parts = new string[count];
        for (int i = 0; i < count; i++)
            parts[i] = (i + _total).ToString();
        _total += count;
        return string.Join(",", parts);
    }
}
