using System.IO;

namespace Corpus.Cases;

public static class CleanHandleReferenceReleased
{
    public static void Run()
    {
        string path = Path.GetTempFileName();
        using (var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write))
        {
            bool added = false;
            try
            {
                handle.DangerousAddRef(ref added);
                _ = handle.DangerousGetHandle();
            }
            finally
            {
                if (added)
                    handle.DangerousRelease();
            }
        }
        File.Delete(path);
    }
}
