using System.Runtime.InteropServices;

namespace Corpus.Cases;

public static unsafe class NativeMemoryNeverFreed
{
    public static void Run()
    {
        byte* table = (byte*)NativeMemory.Alloc(64); // PLANTED: leak table
        table[0] = 1;
    }
}
