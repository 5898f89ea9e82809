using System;
using System.IO;
using MemScopeTrace.Model;

namespace MemScopeTrace.Format;

/// <summary>
/// Every report file is written to a temporary file and moved into place, so a failed export never leaves
/// a half-written file behind, and a reader never sees one.
/// </summary>
internal static class AtomicFile
{
    public static string Write(string path, Action<Stream> write)
    {
        string temporary = path + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                write(stream);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        return path;
    }
}
