using System.IO;
using System.IO.Compression;

namespace Corpus.Cases;

public static class CleanCompressionOverFile
{
    public static void Run()
    {
        string path = Path.GetTempFileName();
        using (var zip = new GZipStream(new FileStream(path, FileMode.Create), CompressionMode.Compress))
            zip.WriteByte(1);
        File.Delete(path);
    }
}
