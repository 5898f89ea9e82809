using System;
using System.IO;
using System.Threading;

namespace MemScopeTestShared;

/// <summary>
/// One build of the repository in the other configuration at a time, across the test processes `dotnet test` runs side
/// by side: two builds writing the same obj/Release folders would corrupt each other's outputs.
/// </summary>
internal static class ReleaseBuildLock
{
    public static IDisposable Take()
    {
        string path = Path.Combine(Path.GetTempPath(), $"memscope-build-{(uint)TestEnvironment.RepositoryRoot.GetHashCode(StringComparison.Ordinal):x8}.lock");
        var deadline = DateTime.UtcNow.AddMinutes(20);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(250); // another test process is building
            }
        }
    }
}
