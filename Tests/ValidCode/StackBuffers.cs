using System;
using System.Globalization;

namespace ValidCode
{
    internal static class StackBuffers
    {
        private const int MaxStackChars = 128;

        public static string Hex(ReadOnlySpan<byte> data)
        {
            int length = data.Length * 2;
            Span<char> chars = length <= MaxStackChars ? stackalloc char[length] : new char[length];
            for (int i = 0; i < data.Length; i++)
            {
                data[i].TryFormat(chars.Slice(i * 2, 2), out _, "x2", CultureInfo.InvariantCulture);
            }

            return new string(chars);
        }

        public static int Digits(int value)
        {
            Span<char> buffer = stackalloc char[16];
            value.TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture);
            return written;
        }

        public static int Guarded(int count)
        {
            if (count > 64)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            Span<long> scratch = stackalloc long[count];
            scratch.Fill(1);
            return scratch.Length;
        }

        public static int Clamped(int count)
        {
            Span<int> scratch = stackalloc int[Math.Min(count, 32)];
            return scratch.Length;
        }
    }
}
