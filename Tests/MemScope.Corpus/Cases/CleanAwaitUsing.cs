using System.IO;
using System.Threading.Tasks;

namespace Corpus.Cases;

public static class CleanAwaitUsing
{
    public static async Task RunAsync()
    {
        await using var stream = new MemoryStream();
        await Task.Yield();
        stream.WriteByte(1);
    }
}
