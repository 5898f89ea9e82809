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
