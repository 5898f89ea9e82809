using System;
using System.IO;

namespace Corpus.Cases;

public static class CleanDisposedThroughInterface
{
    public static void Run()
    {
        IDisposable resource = new MemoryStream();
        resource.Dispose();
    }
}
