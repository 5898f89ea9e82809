using System.IO;

namespace Corpus.Cases;

public static class CleanDisposedInFinally
{
    public static void Run()
    {
        var stream = new MemoryStream();
        try
        {
            stream.WriteByte(1);
        }
        finally
        {
            stream.Dispose();
        }
    }
}
