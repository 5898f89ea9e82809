using System.Threading.Tasks;

namespace AssemblyToProcess;

public static class AsyncScenario
{
    [Tracked]
    public static async Task<int> LoadAsync()
    {
        var buffer = new byte[100];
        await Task.Yield();
        var text = new string('x', 10);
        await Task.Delay(1);
        return buffer.Length + text.Length;
    }
}
