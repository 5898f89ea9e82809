using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace AssemblyToProcess;

/// <summary>A tracked disposable type: it records its own Dispose, wherever it is called from.</summary>
[Tracked]
public sealed class Connection : IDisposable
{
    private bool _open = true;

    public string Query(string text) => _open ? "result of " + text : "closed";

    public void Dispose() => _open = false;
}

[Tracked]
public sealed class AsyncResource : IAsyncDisposable
{
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A tracked type with a finalizer: a run of it means nobody disposed the object.</summary>
[Tracked]
public sealed class Finalizable : IDisposable
{
    public void Dispose() => GC.SuppressFinalize(this);

    ~Finalizable()
    {
    }
}

public static class DisposableScenario
{
    [Tracked]
    public static string DisposeTwice()
    {
        var connection = new Connection();
        string answer = connection.Query("a");
        connection.Dispose();
        connection.Dispose();
        return answer;
    }

    [Tracked]
    public static string UseAfterDispose()
    {
        var connection = new Connection();
        connection.Dispose();
        return connection.Query("late");
    }

    [Tracked]
    public static long ForeignDisposable()
    {
        var stream = new MemoryStream(new byte[] { 1, 2, 3 });
        long length = stream.Length;
        stream.Dispose();
        try
        {
            return stream.Length;
        }
        catch (ObjectDisposedException)
        {
            return -length;
        }
    }

    [Tracked]
    public static void UsingStatement()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
    }

    [Tracked]
    public static async Task DisposeAsyncResource()
    {
        var resource = new AsyncResource();
        await resource.DisposeAsync();
    }

    /// <summary>Not tracked: a tracked type still records a Dispose called from here.</summary>
    public static void DisposeFromUntrackedCode(Connection connection) => connection.Dispose();

    [Tracked]
    public static void DisposeOnAnotherThread()
    {
        var connection = new Connection();
        var thread = new Thread(() => connection.Dispose());
        thread.Start();
        thread.Join();
    }
}
