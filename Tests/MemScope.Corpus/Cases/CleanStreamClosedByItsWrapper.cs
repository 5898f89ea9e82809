using System.IO;
using System.Net.Http;

namespace Corpus.Cases;

/// <summary>
/// A stream class that declares no disposal method of its own (it only reads), handed to a framework wrapper that
/// disposes it: StreamContent's Dispose disposes the stream it was given, from framework code, through
/// Stream.Dispose() → Close() → Dispose(true). The window is disposed, not leaked.
/// </summary>
public static class CleanStreamClosedByItsWrapper
{
    public static void Run()
    {
        var window = new ReadOnlyWindow(new byte[] { 1, 2, 3 });
        using (var content = new StreamContent(window))
        {
            content.Headers.ContentLength = 3;
        }
    }

    private sealed class ReadOnlyWindow(byte[] data) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => data.Length;
        public override long Position { get => _position; set => throw new System.NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new System.NotSupportedException();
        public override void SetLength(long value) => throw new System.NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new System.NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = System.Math.Min(count, data.Length - _position);
            System.Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }
    }
}
