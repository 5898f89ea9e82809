namespace MemScopeAnalyzers.Tests
{
    /// <summary>One violation of every rule, shared by the corpus-harness check and the real-build check.</summary>
    internal static class BadCode
    {
        public static readonly string[] ExpectedIds =
        {
            "MEM001", "MEM002", "MEM003", "MEM004", "MEM005", "MEM006", "MEM007", "MEM008", "MEM009", "MEM010", "MEM011",
        };

        public const string Source = @"
using System;
using System.Buffers;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace BadCode
{
    public static unsafe class Native
    {
        [DllImport(""kernel32"", CharSet = CharSet.Unicode)]
        public static extern IntPtr OpenEvent(uint access, bool inherit, string name);

        [DllImport(""user32"")]
        public static extern int MessageBox(IntPtr owner, string text, string caption, uint type);
    }

    public unsafe class Violations
    {
        private byte* _cursor;

        public static void LeakNative(int n)
        {
            IntPtr p = Marshal.AllocHGlobal(n);
            Marshal.WriteByte(p, 1);
        }

        public static long LeakPin(byte[] data)
        {
            GCHandle handle = GCHandle.Alloc(data, GCHandleType.Pinned);
            return handle.AddrOfPinnedObject().ToInt64();
        }

        public static int LeakPool(int n)
        {
            byte[] rented = ArrayPool<byte>.Shared.Rent(n);
            return rented.Length;
        }

        public void KeepPointer(byte[] data)
        {
            fixed (byte* p = data)
            {
                _cursor = p;
            }
        }

        public static int Unbounded(int n)
        {
            Span<byte> s = stackalloc byte[n];
            return s.Length;
        }

        public static long Raw(SafeFileHandle file) => file.DangerousGetHandle().ToInt64();

        public static int StaleError()
        {
            IntPtr e = Native.OpenEvent(0, false, ""x"");
            return e == IntPtr.Zero ? Marshal.GetLastWin32Error() : 0;
        }

        [Tracked]
        public static int Peek(int* p) => *p;
    }

    public abstract class Shape
    {
        [Tracked]
        public abstract double Area();
    }
}
";
    }
}
