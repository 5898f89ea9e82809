using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ValidCode
{
    /// <summary>P/Invoke declarations the way they should be written: SafeHandles, explicit strings, SetLastError where the error is read.</summary>
    internal static unsafe partial class NativeMethods
    {
        [DllImport("kernel32", SetLastError = true, CharSet = CharSet.Unicode, ExactSpelling = true, EntryPoint = "CreateFileW")]
        internal static extern SafeFileHandle CreateFile(string fileName, uint access, uint share, IntPtr securityAttributes, uint creation, uint flags, IntPtr template);

        [DllImport("kernel32", SetLastError = true)]
        internal static extern bool ReadFile(SafeFileHandle file, byte* buffer, int count, out int read, IntPtr overlapped);

        // Release functions take the raw value: SafeHandle.ReleaseHandle is their only caller.
        [DllImport("kernel32", SetLastError = true)]
        internal static extern bool CloseHandle(IntPtr handle);

        [LibraryImport("libdl.so.2", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
        internal static partial SafeLibraryHandle OpenLibrary(string path, int flags);

        [LibraryImport("libdl.so.2", EntryPoint = "dlclose")]
        internal static partial int dlclose(IntPtr handle);

        [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
        internal static partial nint Write(int fd, byte* buffer, nuint count);

        [LibraryImport("libc", EntryPoint = "getpid")]
        internal static partial int GetProcessId();

        [DllImport("libc", EntryPoint = "strlen")]
        internal static extern nuint StringLength([MarshalAs(UnmanagedType.LPUTF8Str)] string text);

        [DllImport("libc", EntryPoint = "memset")]
        internal static extern IntPtr Fill(IntPtr destination, int value, nuint count);
    }
}
