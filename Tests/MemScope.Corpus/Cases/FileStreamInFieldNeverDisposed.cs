using System.IO;

namespace Corpus.Cases;

public static class FileStreamInFieldNeverDisposed
{
    public static void Run() => new AuditLog().Open(Path.GetTempFileName());

    private sealed class AuditLog
    {
        private FileStream? _file;

        public void Open(string path)
        {
            _file = new FileStream(path, FileMode.Create); // PLANTED: leak FileStreamInFieldNeverDisposed.AuditLog._file
            _file.WriteByte(1);
        }
    }
}
