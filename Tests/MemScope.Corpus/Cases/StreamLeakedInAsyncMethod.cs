using System.IO;
using System.Threading.Tasks;

namespace Corpus.Cases;

public static class StreamLeakedInAsyncMethod
{
    public static async Task RunAsync()
    {
        var buffer = new MemoryStream(); // PLANTED: leak buffer
        await Task.Yield();
        buffer.WriteByte(1);
    }
}
