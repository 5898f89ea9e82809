using System.IO;
using System.Security.Cryptography;

namespace Corpus.Cases;

/// <summary>
/// RandomNumberGenerator.Create() returns one shared instance whose Dispose does nothing, as do the Null streams:
/// disposing what each call returned, and using it again on the next call, is neither a second disposal nor a use after
/// dispose (a compression library's encrypting writer does exactly this for every entry).
/// </summary>
public static class CleanSharedRandomGenerator
{
    public static void Run()
    {
        var salt = new byte[16];
        for (int entry = 0; entry < 3; entry++)
        {
            using (var rng = RandomNumberGenerator.Create())
            {
                rng.GetBytes(salt);
            }
        }
        for (int entry = 0; entry < 2; entry++)
        {
            using var sink = Stream.Null;
            sink.Write(salt, 0, salt.Length);
        }
    }
}
