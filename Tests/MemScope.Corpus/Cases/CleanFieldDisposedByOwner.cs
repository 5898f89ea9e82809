using System;
using System.IO;

namespace Corpus.Cases;

public static class CleanFieldDisposedByOwner
{
    public static void Run()
    {
        using var owner = new Journal(Path.GetTempFileName());
        owner.Append(1);
    }

    private sealed class Journal(string path) : IDisposable
    {
        private readonly FileStream _file = new(path, FileMode.Create);

        public void Append(byte value) => _file.WriteByte(value);

        public void Dispose() => _file.Dispose();
    }
}
