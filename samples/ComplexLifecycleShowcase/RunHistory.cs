/// <summary>What one run did; a plain immutable value, nothing to dispose.</summary>
internal sealed class RunSummary
{
    public RunSummary(int customers, int orderLines, int audited)
    {
        Customers = customers;
        OrderLines = orderLines;
        Audited = audited;
    }

    public int Customers { get; }

    public int OrderLines { get; }

    public int Audited { get; }

    public override string ToString() => $"{Customers} customers, {OrderLines} lines, {Audited} audited";
}

/// <summary>Keeps the last run's summary for the lifetime of the process (a static root).</summary>
internal static class RunHistory
{
    [Tracked]
    private static RunSummary? s_last;

    public static RunSummary? Last => s_last;

    public static void Remember(RunSummary summary) => s_last = summary;
}
