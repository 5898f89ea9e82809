using System;
using System.IO;

namespace Corpus.Cases;

public static class StreamUsedAfterDispose
{
    public static void Run()
    {
        var body = new MemoryStream();
        body.WriteByte(1);
        body.Dispose();
        try
        {
            body.WriteByte(2); // PLANTED: use-after-dispose body
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
