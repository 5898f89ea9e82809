using System.IO;

namespace Corpus.Cases;

public static class StreamOverwrittenBeforeDispose
{
    public static void Run()
    {
        var current = new MemoryStream(); // PLANTED: leak current
        current.WriteByte(1);
        current = new MemoryStream();
        current.Dispose();
    }
}
