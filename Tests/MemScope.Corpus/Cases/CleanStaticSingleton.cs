using System.IO;

namespace Corpus.Cases;

public static class CleanStaticSingleton
{
    private static readonly MemoryStream Shared = new();

    public static void Run() => Shared.WriteByte(1);
}
