using System.IO;

namespace Corpus.Cases;

public static class ReaderNeverDisposed
{
    public static void Run()
    {
        var reader = new StreamReader(new MemoryStream(new byte[] { 65, 10 })); // PLANTED: leak reader
        _ = reader.ReadLine();
    }
}
