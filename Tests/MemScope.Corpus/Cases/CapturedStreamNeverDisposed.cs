using System;
using System.IO;

namespace Corpus.Cases;

public static class CapturedStreamNeverDisposed
{
    public static void Run()
    {
        var log = new MemoryStream(); // PLANTED: leak log
        Action write = () => log.WriteByte(1);
        write();
    }
}
