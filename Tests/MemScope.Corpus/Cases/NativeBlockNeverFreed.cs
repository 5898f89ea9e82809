using System.Runtime.InteropServices;

namespace Corpus.Cases;

public static class NativeBlockNeverFreed
{
    public static void Run()
    {
        nint scratch = Marshal.AllocHGlobal(256); // PLANTED: leak scratch
        Marshal.WriteByte(scratch, 1);
    }
}
