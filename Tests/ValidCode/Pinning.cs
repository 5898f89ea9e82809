using System;
using System.Runtime.InteropServices;

namespace ValidCode
{
    internal static unsafe class Pinning
    {
        public static long Sum(int[] values)
        {
            long total = 0;
            fixed (int* start = values)
            {
                for (int* p = start; p < start + values.Length; p++)
                {
                    total += *p;
                }
            }

            return total;
        }

        public static void Zero(byte[] data)
        {
            fixed (byte* p = data)
            {
                NativeMemory.Clear(p, (nuint)data.Length);
            }
        }

        public static int WriteToStdout(byte[] data)
        {
            fixed (byte* p = data)
            {
                return (int)NativeMethods.Write(1, p, (nuint)data.Length);
            }
        }

        public static byte FirstByteThroughHandle(byte[] data)
        {
            GCHandle handle = GCHandle.Alloc(data, GCHandleType.Pinned);
            try
            {
                IntPtr address = handle.AddrOfPinnedObject();
                return Marshal.ReadByte(address);
            }
            finally
            {
                handle.Free();
            }
        }
    }

    /// <summary>A long-lived pin: the handle and the address live and die together.</summary>
    internal sealed class PinnedArray : IDisposable
    {
        private GCHandle _handle;

        public PinnedArray(byte[] data)
        {
            _handle = GCHandle.Alloc(data, GCHandleType.Pinned);
            Address = _handle.AddrOfPinnedObject();
        }

        public IntPtr Address { get; private set; }

        public void Dispose()
        {
            if (_handle.IsAllocated)
            {
                _handle.Free();
                Address = IntPtr.Zero;
            }
        }
    }
}
