using System;
using System.Runtime.InteropServices;

namespace ValidCode
{
    /// <summary>Owns a dlopen handle and closes it exactly once.</summary>
    internal sealed class SafeLibraryHandle : SafeHandle
    {
        public SafeLibraryHandle()
            : base(IntPtr.Zero, ownsHandle: true)
        {
        }

        public override bool IsInvalid => handle == IntPtr.Zero;

        protected override bool ReleaseHandle() => NativeMethods.dlclose(handle) == 0;
    }

    /// <summary>Owns native memory from AllocHGlobal as a SafeHandle.</summary>
    internal sealed class SafeHGlobalHandle : SafeHandle
    {
        public SafeHGlobalHandle(int size)
            : base(IntPtr.Zero, ownsHandle: true)
        {
            SetHandle(Marshal.AllocHGlobal(size));
        }

        public override bool IsInvalid => handle == IntPtr.Zero;

        protected override bool ReleaseHandle()
        {
            Marshal.FreeHGlobal(handle);
            return true;
        }
    }
}
