using System;
using System.Runtime.InteropServices;

namespace ValidCode
{
    /// <summary>Native memory owned by an object: allocated in the constructor, freed in Dispose.</summary>
    internal sealed unsafe class NativeBuffer : IDisposable
    {
        private byte* _bytes;

        public NativeBuffer(int length)
        {
            _bytes = (byte*)NativeMemory.AllocZeroed((nuint)length);
            Length = length;
        }

        public int Length { get; }

        public Span<byte> Span => new Span<byte>(_bytes, Length);

        public void Dispose()
        {
            NativeMemory.Free(_bytes);
            _bytes = null;
        }
    }

    internal static unsafe class NativeBuffers
    {
        /// <summary>Ownership goes to the caller, who frees with Marshal.FreeHGlobal.</summary>
        public static IntPtr CopyToNative(ReadOnlySpan<byte> data)
        {
            IntPtr native = Marshal.AllocHGlobal(data.Length);
            data.CopyTo(new Span<byte>((void*)native, data.Length));
            return native;
        }

        public static int Checksum(ReadOnlySpan<byte> data)
        {
            IntPtr native = Marshal.AllocHGlobal(data.Length);
            try
            {
                data.CopyTo(new Span<byte>((void*)native, data.Length));
                int sum = 0;
                for (int i = 0; i < data.Length; i++)
                {
                    sum += Marshal.ReadByte(native, i);
                }

                return sum;
            }
            finally
            {
                Marshal.FreeHGlobal(native);
            }
        }

        public static string? RoundTrip(string text)
        {
            IntPtr native = IntPtr.Zero;
            try
            {
                native = Marshal.StringToCoTaskMemUni(text);
                IntPtr copy = Marshal.AllocCoTaskMem((text.Length + 1) * sizeof(char));
                try
                {
                    Buffer.MemoryCopy((void*)native, (void*)copy, (text.Length + 1) * sizeof(char), (text.Length + 1) * sizeof(char));
                    return Marshal.PtrToStringUni(copy);
                }
                finally
                {
                    Marshal.FreeCoTaskMem(copy);
                }
            }
            finally
            {
                if (native != IntPtr.Zero)
                {
                    Marshal.FreeCoTaskMem(native);
                }
            }
        }

        public static void Grow(ref IntPtr block, int newSize)
        {
            block = Marshal.ReAllocHGlobal(block, newSize);
        }

        public static int EarlyExitWithFinally(int size, bool skip)
        {
            void* memory = NativeMemory.Alloc((nuint)size);
            try
            {
                if (skip)
                {
                    return 0;
                }

                new Span<byte>(memory, size).Fill(7);
                return ((byte*)memory)[size - 1];
            }
            finally
            {
                NativeMemory.Free(memory);
            }
        }

        public static int FreedOnEveryBranch(bool flag)
        {
            IntPtr p = Marshal.AllocHGlobal(16);
            if (flag)
            {
                Marshal.FreeHGlobal(p);
                return 1;
            }

            Marshal.WriteInt64(p, 42);
            long value = Marshal.ReadInt64(p);
            Marshal.FreeHGlobal(p);
            return (int)value;
        }
    }
}
