using System.Runtime.InteropServices;

namespace Corpus.Cases;

public static class CleanPinnedHandleFreed
{
    public static void Run()
    {
        var pin = GCHandle.Alloc(new byte[64], GCHandleType.Pinned);
        try
        {
            _ = pin.AddrOfPinnedObject();
        }
        finally
        {
            pin.Free();
        }
    }
}
