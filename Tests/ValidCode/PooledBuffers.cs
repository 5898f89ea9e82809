using System;
using System.Buffers;
using System.IO;
using System.Text;

namespace ValidCode
{
    internal static class PooledBuffers
    {
        public static string ReadAll(Stream stream, Encoding encoding)
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(4096);
            try
            {
                var builder = new StringBuilder();
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    builder.Append(encoding.GetString(buffer, 0, read));
                }

                return builder.ToString();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        public static int Utf8Length(string text)
        {
            const int StackLimit = 256;
            int max = Encoding.UTF8.GetMaxByteCount(text.Length);
            byte[]? rented = null;
            Span<byte> buffer = max <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
            try
            {
                return Encoding.UTF8.GetBytes(text, buffer);
            }
            finally
            {
                if (rented != null)
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }
            }
        }

        /// <summary>The caller owns the lease and returns it.</summary>
        public static char[] Lease(int length) => ArrayPool<char>.Shared.Rent(length);
    }

    /// <summary>Keeps a rented array in a field and returns it on growth and on Dispose.</summary>
    internal sealed class PooledWriter : IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(256);
        private int _count;

        public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _count);

        public void Write(ReadOnlySpan<byte> data)
        {
            if (_count + data.Length > _buffer.Length)
            {
                byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _count + data.Length));
                _buffer.AsSpan(0, _count).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }

            data.CopyTo(_buffer.AsSpan(_count));
            _count += data.Length;
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = Array.Empty<byte>();
        }
    }
}
