using System.Runtime.InteropServices;

namespace Corpus.Cases;

public static class PinnedHandleNeverFreed
{
    public static void Run()
    {
        var pin = GCHandle.Alloc(new byte[64], GCHandleType.Pinned); // PLANTED: leak pin
        _ = pin.AddrOfPinnedObject();
    }
}
