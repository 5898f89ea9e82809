using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace AssemblyToProcess;

/// <summary>A stream that follows the standard dispose pattern: it overrides only Dispose(bool).</summary>
[Tracked]
public class PatternStream : Stream
{
    /// <summary>The disposing argument of every Dispose(bool) call, in order: the woven code must not change them.</summary>
    public List<bool> DisposeCalls { get; } = new List<bool>();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => 0;
    public override long Position { get => 0; set { } }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => 0;
    public override long Seek(long offset, SeekOrigin origin) => 0;
    public override void SetLength(long value)
    {
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
    }

    protected override void Dispose(bool disposing)
    {
        DisposeCalls.Add(disposing);
        base.Dispose(disposing);
    }
}

/// <summary>Every entry point written out: Dispose() calls Close(), which calls Dispose(true).</summary>
[Tracked]
public class ChainedResource : IDisposable
{
    public int Released { get; private set; }

    public void Dispose() => Close();

    public void Close()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
            Released++;
    }

    ~ChainedResource() => Dispose(false);
}

/// <summary>The async dispose pattern: DisposeAsync awaits DisposeAsyncCore, then Dispose(false); Dispose() calls Dispose(true).</summary>
[Tracked]
public class AsyncPatternResource : IAsyncDisposable, IDisposable
{
    public int ReleasedAsync { get; private set; }
    public int Released { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        Dispose(disposing: false);
        GC.SuppressFinalize(this);
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual async ValueTask DisposeAsyncCore()
    {
        await Task.Yield();
        ReleasedAsync++;
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
            Released++;
    }
}

/// <summary>
/// A stream whose DisposeAsync does asynchronous work, then disposes synchronously on the continuation, through
/// Stream.Dispose() → Close() → the woven Dispose(true), while the woven DisposeAsync has not completed.
/// </summary>
[Tracked]
public sealed class FlushingStream : PatternStream
{
    public override async ValueTask DisposeAsync()
    {
        await Task.Delay(20); // the continuation runs well after DisposeAsync has returned its task
        Dispose();
    }
}

/// <summary>
/// Declares no disposal method: it inherits Stream's dispose pattern, like a library's read-only entry stream. The
/// weaver gives it a Dispose(bool) override, so a disposal from unwoven code is recorded.
/// </summary>
[Tracked]
public sealed class WindowStream : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => 0;
    public override long Position { get => 0; set { } }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => 0;
    public override long Seek(long offset, SeekOrigin origin) => 0;
    public override void SetLength(long value) { }
    public override void Write(byte[] buffer, int offset, int count) { }
}

/// <summary>A Dispose that throws, with a named local (so the locals' try/finally wraps the disposal's).</summary>
[Tracked]
public sealed class ThrowingResource : IDisposable
{
    public int Attempts { get; private set; }

    public void Dispose()
    {
        var reason = "attempt " + ++Attempts;
        throw new InvalidOperationException(reason);
    }
}

/// <summary>
/// Each scenario returns the object it disposed, for the test to read: reading it here, in tracked code, would be a use after dispose.
/// </summary>
public static class DisposePatternScenario
{
    [Tracked]
    public static PatternStream DisposeWithUsing()
    {
        using var stream = new PatternStream();
        stream.WriteByte(1);
        return stream;
    }

    [Tracked]
    public static PatternStream DisposeWithClose()
    {
        var stream = new PatternStream();
        stream.Close();
        return stream;
    }

    [Tracked]
    public static PatternStream DisposeThroughTheBaseStream()
    {
        var stream = new PatternStream();
        DisposeAsStream(stream);
        return stream;
    }

    [Tracked]
    public static WindowStream OpenWindow()
    {
        var window = new WindowStream();
        return window;
    }

    /// <summary>Not tracked: Stream.Dispose() in the BCL reaches the woven Dispose(true) through Stream.Close().</summary>
    public static void DisposeAsStream(Stream stream) => stream.Dispose();

    [Tracked]
    public static ChainedResource DisposeThroughTheChain()
    {
        var resource = new ChainedResource();
        resource.Dispose();
        return resource;
    }

    [Tracked]
    public static PatternStream DisposeThenClose()
    {
        var stream = new PatternStream();
        stream.Dispose();
        stream.Close();
        return stream;
    }

    [Tracked]
    public static async Task<AsyncPatternResource> DisposeAsyncThroughTheCore()
    {
        var resource = new AsyncPatternResource();
        await resource.DisposeAsync();
        return resource;
    }

    [Tracked]
    public static async Task<AsyncPatternResource> DisposeAsyncThenDispose()
    {
        var resource = new AsyncPatternResource();
        await resource.DisposeAsync();
        resource.Dispose();
        return resource;
    }

    [Tracked]
    public static async Task<FlushingStream> DisposeAsyncThatDisposesAfterAnAwait()
    {
        var stream = new FlushingStream();
        await stream.DisposeAsync();
        return stream;
    }

    /// <summary>A disposal that threw has ended: disposing again is a second disposal, not a nested one.</summary>
    [Tracked]
    public static ThrowingResource DisposeTwiceThrowing()
    {
        var resource = new ThrowingResource();
        for (int i = 0; i < 2; i++)
        {
            try
            {
                resource.Dispose();
            }
            catch (InvalidOperationException)
            {
            }
        }
        return resource;
    }

    /// <summary>An undisposed object whose finalizer calls Dispose(false): that is no disposal.</summary>
    [Tracked]
    public static void Abandon() => _ = new ChainedResource();
}
