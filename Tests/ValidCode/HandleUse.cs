using System;
using System.ComponentModel;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ValidCode
{
    internal static class HandleUse
    {
        public static long RawValue(SafeHandle handle)
        {
            bool added = false;
            try
            {
                handle.DangerousAddRef(ref added);
                return handle.DangerousGetHandle().ToInt64();
            }
            finally
            {
                if (added)
                {
                    handle.DangerousRelease();
                }
            }
        }

        public static SafeFileHandle Open(string path)
        {
            SafeFileHandle file = NativeMethods.CreateFile(path, 0x80000000, 1, IntPtr.Zero, 3, 0, IntPtr.Zero);
            if (file.IsInvalid)
            {
                throw new Win32Exception(Marshal.GetLastWin32Error());
            }

            return file;
        }

        public static unsafe int Write(int fd, ReadOnlySpan<byte> data)
        {
            fixed (byte* p = data)
            {
                nint written = NativeMethods.Write(fd, p, (nuint)data.Length);
                return written >= 0 ? (int)written : -Marshal.GetLastPInvokeError();
            }
        }
    }
}
