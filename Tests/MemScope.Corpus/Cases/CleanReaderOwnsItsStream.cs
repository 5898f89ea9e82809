using System.IO;

namespace Corpus.Cases;

public static class CleanReaderOwnsItsStream
{
    public static void Run()
    {
        using var reader = new StreamReader(new MemoryStream(new byte[] { 65, 10 }));
        _ = reader.ReadLine();
    }
}
