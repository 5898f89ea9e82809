using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace AssemblyToProcess;

public static class LeakScenario
{
    public static readonly List<object> Kept = new();

    [Tracked]
    public static long Clean()
    {
        using var stream = new MemoryStream(new byte[] { 1, 2 });
        nint block = Marshal.AllocHGlobal(16);
        Marshal.FreeHGlobal(block);
        return stream.Length;
    }

    [Tracked]
    public static void Leaky()
    {
        var forgotten = new MemoryStream();
        forgotten.WriteByte(1);
        nint scratch = Marshal.AllocHGlobal(24);
        Kept.Add(scratch);
    }

    [Tracked]
    public static void Allocate(int count, bool keep)
    {
        for (int i = 0; i < count; i++)
        {
            var item = new List<int>(4);
            if (keep)
                Kept.Add(item);
        }
    }
}
