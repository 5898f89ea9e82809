using System;
using System.IO;
using System.Threading;

namespace MemScopeTrace.Format;

/// <summary>
/// Every report file is written to a temporary file and moved into place, so a failed export never leaves
/// a half-written file behind, and a reader never sees one. The temporary file's name is this writer's own
/// (<c>&lt;file&gt;.&lt;pid&gt;-&lt;n&gt;.tmp</c>, created only if new), so writers of several threads or processes exporting
/// the same report never share one: each replaces the whole file in turn, and a writer only ever deletes its own,
/// or one a writer that has ended left behind (<see cref="RemoveLeftoversOfEndedWriters"/>).
/// </summary>
internal static class AtomicFile
{
    private static int s_counter;

    public static string Write(string path, Action<Stream> write) => Write(path, write, beforeMove: null);

    /// <summary>
    /// As <see cref="Write(string, Action{Stream})"/>; <paramref name="beforeMove"/> runs once the file is complete and
    /// before it is moved into place: a writer on another thread waits there for its turn, and a fault it throws
    /// discards the file as a failed write does.
    /// </summary>
    public static string Write(string path, Action<Stream> write, Action? beforeMove)
    {
        var (temporary, stream) = CreateTemporary(path);
        try
        {
            using (stream)
                write(stream);
            beforeMove?.Invoke();
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e)
        {
            if (DeleteOwn(temporary) is { } leftBehind)
                throw new IOException($"{e.Message} ({leftBehind})", e);
            throw;
        }
        RemoveLeftoversOfEndedWriters(path);
        return path;
    }

    private static readonly DateTime s_thisProcessStarted = System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime();

    /// <summary>
    /// Temporary files of <paramref name="path"/> that a killed writer left (a test host killed while it wrote its
    /// report): those named for a process id no process has now, or for this process's id but older than this process.
    /// A running writer's file, and any file not named as MemScope names them, stay as they are.
    /// </summary>
    private static void RemoveLeftoversOfEndedWriters(string path)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is null)
            return;
        string prefix = Path.GetFileName(path) + ".";
        try
        {
            foreach (string leftover in Directory.EnumerateFiles(directory, prefix + "*.tmp"))
            {
                string writer = Path.GetFileName(leftover)[prefix.Length..^".tmp".Length];
                int dash = writer.IndexOf('-');
                if (dash <= 0 || !int.TryParse(writer.AsSpan(0, dash), out int processId) || !int.TryParse(writer.AsSpan(dash + 1), out _))
                    continue;
                bool writerEnded = processId == Environment.ProcessId
                    ? File.GetLastWriteTimeUtc(leftover) < s_thisProcessStarted
                    : !new SpillProcess(processId, 0, null).IsRunning;
                if (writerEnded)
                    File.Delete(leftover);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Tidying is not the write: the report is in place, and a leftover that cannot go now goes at the next export.
        }
    }

    /// <summary>
    /// A new file beside <paramref name="path"/>. A name already taken (a temporary file left by a killed process that
    /// had the same id, as in containers where every program is pid 1) is never opened: the next number is tried.
    /// </summary>
    private static (string Path, FileStream Stream) CreateTemporary(string path)
    {
        for (int attempt = 0; ; attempt++)
        {
            string temporary = $"{path}.{Environment.ProcessId}-{Interlocked.Increment(ref s_counter)}.tmp";
            try
            {
                return (temporary, new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16));
            }
            catch (IOException) when (attempt < 100 && File.Exists(temporary))
            {
                // Someone else's file: left as it is.
            }
        }
    }

    /// <summary>Deletes this writer's temporary file; says why when it cannot, so the failed write reports that too.</summary>
    private static string? DeleteOwn(string temporary)
    {
        try
        {
            File.Delete(temporary);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{temporary} could not be deleted: {e.Message}";
        }
    }
}
