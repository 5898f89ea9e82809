using System.IO;

namespace Corpus.Cases;

public static class CleanDisposedByHelper
{
    public static void Run()
    {
        var stream = new MemoryStream();
        stream.WriteByte(1);
        Release(stream);
    }

    private static void Release(Stream stream) => stream.Dispose();
}
