using System;
using System.Runtime.InteropServices;

namespace MemScopeAnalyzers.Benchmarks
{
    /// <summary>CPU time (user + system) of all finished child processes of this one, as the OS accounts it.</summary>
    internal static class ChildCpu
    {
        private const int RusageChildren = -1;

        public static double TotalMilliseconds()
        {
            if (!OperatingSystem.IsLinux())
            {
                throw new PlatformNotSupportedException("CPU accounting of child processes is read with getrusage on Linux.");
            }

            if (getrusage(RusageChildren, out var usage) != 0)
            {
                throw new InvalidOperationException("getrusage failed: " + Marshal.GetLastPInvokeError());
            }

            return Milliseconds(usage.UserTime) + Milliseconds(usage.SystemTime);
        }

        private static double Milliseconds(TimeValue time) => (time.Seconds * 1000.0) + (time.Microseconds / 1000.0);

        [DllImport("libc", SetLastError = true)]
        private static extern int getrusage(int who, out ResourceUsage usage);

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeValue
        {
            public long Seconds;
            public long Microseconds;
        }

        // struct rusage on 64-bit Linux: two timevals followed by fourteen longs.
        [StructLayout(LayoutKind.Sequential)]
        private unsafe struct ResourceUsage
        {
            public TimeValue UserTime;
            public TimeValue SystemTime;
            public fixed long Rest[14];
        }
    }
}
