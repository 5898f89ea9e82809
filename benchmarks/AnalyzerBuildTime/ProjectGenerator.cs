using System.Globalization;
using System.IO;
using System.Text;

namespace MemScopeAnalyzers.Benchmarks
{
    /// <summary>
    /// Writes a library of N source files, each with P/Invoke declarations, unsafe code, native memory,
    /// pooled buffers and ordinary managed code, so the analyzers have real work on every file.
    /// </summary>
    internal static class ProjectGenerator
    {
        public static void Write(string directory, int files, string analyzerPath)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "Generated.csproj"), $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <GenerateDocumentationFile>false</GenerateDocumentationFile>
  </PropertyGroup>
  <ItemGroup Condition=""'$(WithMemScope)' == 'true'"">
    <Analyzer Include=""{analyzerPath}"" />
  </ItemGroup>
</Project>
");
            File.WriteAllText(Path.Combine(directory, "Attributes.cs"), "public sealed class TrackedAttribute : System.Attribute { }\npublic sealed class NotTrackedAttribute : System.Attribute { }\n");
            for (var i = 0; i < files; i++)
            {
                File.WriteAllText(Path.Combine(directory, "File" + i.ToString("D3", CultureInfo.InvariantCulture) + ".cs"), Source(i));
            }
        }

        private static string Source(int i)
        {
            var text = new StringBuilder(Template);
            text.Replace("$N", i.ToString(CultureInfo.InvariantCulture));
            return text.ToString();
        }

        private const string Template = @"using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;

namespace Generated
{
    internal static unsafe partial class Interop$N
    {
        [DllImport(""libc"", EntryPoint = ""strlen"", CharSet = CharSet.Ansi)]
        internal static extern nuint Length$N(string text);

        [DllImport(""kernel32"", SetLastError = true)]
        internal static extern IntPtr OpenThing$N(IntPtr parentHandle, int flags);

        [DllImport(""kernel32"")]
        internal static extern bool CloseThing$N(IntPtr handle);

        [DllImport(""libc"", EntryPoint = ""memset"")]
        internal static extern void* Fill$N(void* destination, int value, nuint count);
    }

    [Tracked]
    public unsafe class Worker$N
    {
        private readonly List<int> _values = new List<int>();
        private IntPtr _owned;

        public Worker$N(int size)
        {
            _owned = Marshal.AllocHGlobal(size);
        }

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

        public static int Pooled(int n)
        {
            byte[] rented = ArrayPool<byte>.Shared.Rent(n);
            try
            {
                rented.AsSpan(0, n).Fill(1);
                return rented.Take(n).Sum(b => b);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        public static int Leaky(int n)
        {
            IntPtr p = Marshal.AllocHGlobal(n);
            if (n > 10)
            {
                return 0;
            }

            Marshal.FreeHGlobal(p);
            return 1;
        }

        public static int Stack(int n)
        {
            Span<byte> buffer = n <= 256 ? stackalloc byte[n] : new byte[n];
            buffer.Fill(2);
            return buffer[0];
        }

        public static int LastError()
        {
            IntPtr thing = Interop$N.OpenThing$N(IntPtr.Zero, 0);
            return thing == IntPtr.Zero ? Marshal.GetLastWin32Error() : 0;
        }

        public static long Pin(byte[] data)
        {
            GCHandle handle = GCHandle.Alloc(data, GCHandleType.Pinned);
            try
            {
                return handle.AddrOfPinnedObject().ToInt64();
            }
            finally
            {
                handle.Free();
            }
        }

        public IEnumerable<string> Describe(IEnumerable<int> input)
        {
            foreach (var group in input.Where(v => v % 3 != 0).GroupBy(v => v % 7).OrderBy(g => g.Key))
            {
                _values.AddRange(group);
                yield return string.Join("","", group.Select(v => (v * $N).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        public override string ToString() => $""Worker$N({_values.Count}, {_owned})"";
    }
}
";
    }
}
