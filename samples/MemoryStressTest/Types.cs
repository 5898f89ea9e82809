using System;
using System.Threading;

/// <summary>A small tracked object; one million of them are allocated over 64 threads.</summary>
[Tracked]
internal sealed class Payload
{
    private readonly int _value;

    public Payload(int value) => _value = value;

    public int Value => _value;
}

/// <summary>A tracked disposable, created on one thread and disposed on another.</summary>
[Tracked]
internal sealed class Connection : IDisposable
{
    private static int s_disposed;
    private int _disposed;

    public Connection(int owner, int index)
    {
        Owner = owner;
        Index = index;
    }

    public int Owner { get; }
    public int Index { get; }

    public static int DisposedCount => Volatile.Read(ref s_disposed);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
            Interlocked.Increment(ref s_disposed);
    }
}
