using System.Runtime.InteropServices;

namespace Corpus.Cases;

public static class NativeBlockFreedTwice
{
    public static void Run()
    {
        nint block = Marshal.AllocHGlobal(16);
        Marshal.WriteByte(block, 1);
        Marshal.FreeHGlobal(block);
        Marshal.FreeHGlobal(block); // PLANTED: double-free block
    }
}
