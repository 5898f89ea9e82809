using System.Runtime.InteropServices;

namespace AssemblyWithWarnings;

public abstract class Shape
{
    [Tracked]
    public abstract double Area();
}

public static partial class Native
{
    [Tracked]
    [DllImport("libc", EntryPoint = "getpid")]
    public static extern int GetProcessId();
}

/// <summary>Plain code: woven only when the configuration reaches it.</summary>
public static class Plain
{
    public static int Run()
    {
        var items = new System.Collections.Generic.List<int> { 1, 2 };
        return items.Count;
    }
}
