using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using MemScopeTrace.Format;

namespace MemScopeRuntime.Capture;

/// <summary>
/// Spill files left by processes that ended without exporting (killed, crashed before MemScope could act, or whose last
/// export failed), tidied when a streaming program starts, so that they never pile up. Only files MemScope made are
/// touched: named <c>memscope-&lt;pid&gt;[-n][.recovered].spill</c>, regular files, starting with a spill header and a
/// valid Process block. A file is left alone while its process may still run: its writer holds a shared lock on it for
/// its whole life (so it cannot be opened exclusively), or a process with its id and start time exists. Of the files of
/// ended processes the newest is kept, renamed <c>….recovered.spill</c> and announced once on stderr (`memscope summary`
/// reads it); the older ones are deleted.
/// </summary>
internal static class SpillLeftovers
{
    private static readonly Regex Name = new(@"^memscope-\d+(-\d+)?(\.recovered)?\.spill$", RegexOptions.CultureInvariant);
    private const string RecoveredSuffix = ".recovered.spill";

    public static void Tidy(string? directory)
    {
        if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
            return;
        try
        {
            var ended = new List<(FileInfo File, SpillProcess Process)>();
            foreach (var file in new DirectoryInfo(directory).EnumerateFiles("memscope-*.spill"))
            {
                if (Name.IsMatch(file.Name) && file.LinkTarget is null && SpillProcesses.OfEnded(file.FullName) is { } process)
                    ended.Add((file, process));
            }
            if (ended.Count == 0)
                return;

            var newest = ended.MaxBy(e => e.File.LastWriteTimeUtc);
            foreach (var older in ended.Where(e => e.File != newest.File))
                File.Delete(older.File.FullName);
            string removed = ended.Count > 1 ? $"; {ended.Count - 1} older recording(s) of ended processes removed" : "";
            if (newest.File.Name.EndsWith(RecoveredSuffix, StringComparison.Ordinal))
            {
                if (removed.Length > 0)
                    InternalFaults.Warn($"kept {newest.File.FullName}{removed}.");
                return;
            }
            string recovered = Path.Combine(directory, newest.File.Name[..^".spill".Length] + RecoveredSuffix);
            File.Move(newest.File.FullName, recovered);
            InternalFaults.Warn($"process {newest.Process.Id} ({newest.Process.Name}) ended without exporting; its recording is kept as {recovered} " +
                $"(`memscope summary` reads it){removed}.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another program starting at the same moment may be tidying too; whatever failed here, streaming goes on.
            InternalFaults.Fault(e);
        }
    }
}
