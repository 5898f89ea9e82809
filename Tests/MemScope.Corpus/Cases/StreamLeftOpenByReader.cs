using System.IO;

namespace Corpus.Cases;

public static class StreamLeftOpenByReader
{
    public static void Run()
    {
        var source = new MemoryStream(new byte[] { 65, 10 }); // PLANTED: leak source
        using (var reader = new StreamReader(source, leaveOpen: true))
            _ = reader.ReadLine();
    }
}
