using System.IO;

namespace Corpus.Cases;

public static class HandleClosedWithReferenceAdded
{
    public static void Run()
    {
        string path = Path.GetTempFileName();
        var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write);
        bool added = false;
        handle.DangerousAddRef(ref added); // PLANTED: leak handle
        handle.Dispose();
        File.Delete(path);
    }
}
