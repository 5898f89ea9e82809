using System.IO;

namespace Corpus.Cases;

public static class CleanUsingDeclaration
{
    public static void Run()
    {
        using var stream = new MemoryStream();
        stream.WriteByte(1);
    }
}
