using System.Runtime.InteropServices;

namespace Corpus.Cases;

public static class CleanNativeBlockFreed
{
    public static void Run()
    {
        nint block = Marshal.AllocHGlobal(64);
        try
        {
            Marshal.WriteByte(block, 1);
        }
        finally
        {
            Marshal.FreeHGlobal(block);
        }
    }
}
