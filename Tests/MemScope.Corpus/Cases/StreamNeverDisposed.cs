using System.IO;

namespace Corpus.Cases;

public static class StreamNeverDisposed
{
    public static void Run()
    {
        var payload = new MemoryStream(); // PLANTED: leak payload
        payload.WriteByte(7);
    }
}
