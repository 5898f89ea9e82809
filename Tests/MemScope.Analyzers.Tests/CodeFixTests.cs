using System.Threading.Tasks;
using MemScopeAnalyzers.Analyzers;
using MemScopeAnalyzers.CodeFixes;
using Xunit;

namespace MemScopeAnalyzers.Tests
{
    public class ReleaseInFinallyCodeFixTests
    {
        [Fact]
        public Task Native_allocation_gets_the_rest_of_the_block_in_try_and_FreeHGlobal_in_finally()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
class C
{
    static int M(int n)
    {
        IntPtr p = {|MEM002:Marshal.AllocHGlobal(n)|};
        Marshal.WriteInt32(p, 42);
        return Marshal.ReadInt32(p);
    }
}";
            const string fixedSource = @"
using System;
using System.Runtime.InteropServices;
class C
{
    static int M(int n)
    {
        IntPtr p = Marshal.AllocHGlobal(n);
        try
        {
            Marshal.WriteInt32(p, 42);
            return Marshal.ReadInt32(p);
        }
        finally
        {
            Marshal.FreeHGlobal(p);
        }
    }
}";
            return VerifyFix<ResourceLifetimeAnalyzer, ReleaseInFinallyCodeFix>.CodeFixAsync(source, fixedSource);
        }

        [Fact]
        public Task Existing_free_on_the_happy_path_moves_into_finally_instead_of_freeing_twice()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
unsafe class C
{
    static int M(nuint n, bool fail)
    {
        byte* p = (byte*){|MEM002:NativeMemory.Alloc(n)|};
        if (fail)
        {
            return -1;
        }
        int value = p[0];
        NativeMemory.Free(p);
        return value;
    }
}";
            const string fixedSource = @"
using System;
using System.Runtime.InteropServices;
unsafe class C
{
    static int M(nuint n, bool fail)
    {
        byte* p = (byte*)NativeMemory.Alloc(n);
        try
        {
            if (fail)
            {
                return -1;
            }
            int value = p[0];
            return value;
        }
        finally
        {
            NativeMemory.Free(p);
        }
    }
}";
            return VerifyFix<ResourceLifetimeAnalyzer, ReleaseInFinallyCodeFix>.CodeFixAsync(source, fixedSource);
        }

        [Fact]
        public Task Pinned_handle_gets_Free_in_finally()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
class C
{
    static long M(byte[] data)
    {
        GCHandle handle = {|MEM003:GCHandle.Alloc(data, GCHandleType.Pinned)|};
        return handle.AddrOfPinnedObject().ToInt64();
    }
}";
            const string fixedSource = @"
using System;
using System.Runtime.InteropServices;
class C
{
    static long M(byte[] data)
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
}";
            return VerifyFix<ResourceLifetimeAnalyzer, ReleaseInFinallyCodeFix>.CodeFixAsync(source, fixedSource);
        }

        [Fact]
        public Task Rented_arrays_in_several_methods_are_all_fixed_by_fix_all()
        {
            const string source = @"
using System.Buffers;
using System.IO;
class C
{
    static int A(Stream s)
    {
        byte[] buffer = {|MEM004:ArrayPool<byte>.Shared.Rent(4096)|};
        return s.Read(buffer, 0, buffer.Length);
    }

    static int B(int n)
    {
        char[] chars = {|MEM004:ArrayPool<char>.Shared.Rent(n)|};
        return chars.Length;
    }
}";
            const string fixedSource = @"
using System.Buffers;
using System.IO;
class C
{
    static int A(Stream s)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            return s.Read(buffer, 0, buffer.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    static int B(int n)
    {
        char[] chars = ArrayPool<char>.Shared.Rent(n);
        try
        {
            return chars.Length;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}";
            return VerifyFix<ResourceLifetimeAnalyzer, ReleaseInFinallyCodeFix>.CodeFixAsync(source, fixedSource);
        }

        [Fact]
        public Task No_fix_when_the_value_may_be_handed_on_later_in_the_block()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
class C
{
    private IntPtr _kept;
    void M(int n, bool keep)
    {
        IntPtr p = {|MEM002:Marshal.AllocHGlobal(n)|};
        if (keep)
        {
            _kept = p;
            return;
        }
        return;
    }
}";
            return VerifyFix<ResourceLifetimeAnalyzer, ReleaseInFinallyCodeFix>.NoCodeFixAsync(source);
        }
    }

    public class DangerousAddRefCodeFixTests
    {
        [Fact]
        public Task Raw_handle_read_is_wrapped_in_AddRef_and_Release()
        {
            const string source = @"
using System;
using Microsoft.Win32.SafeHandles;
class C
{
    static long M(SafeFileHandle file)
    {
        IntPtr raw = {|MEM007:file.DangerousGetHandle()|};
        return raw.ToInt64();
    }
}";
            const string fixedSource = @"
using System;
using Microsoft.Win32.SafeHandles;
class C
{
    static long M(SafeFileHandle file)
    {
        bool addedRef = false;
        try
        {
            file.DangerousAddRef(ref addedRef);
            IntPtr raw = file.DangerousGetHandle();
            return raw.ToInt64();
        }
        finally
        {
            if (addedRef)
            {
                file.DangerousRelease();
            }
        }
    }
}";
            return VerifyFix<DangerousHandleAnalyzer, DangerousAddRefCodeFix>.CodeFixAsync(source, fixedSource);
        }
    }

    public class SetLastErrorCodeFixTests
    {
        [Fact]
        public Task SetLastError_is_added_once_even_when_several_reads_blame_the_same_declaration()
        {
            const string source = @"
using System.Runtime.InteropServices;
static class Native
{
    [DllImport(""kernel32"")]
    static extern bool Beep(uint frequency, uint duration);

    public static int A() => Beep(1, 1) ? 0 : {|MEM008:Marshal.GetLastWin32Error()|};
    public static int B() => Beep(2, 2) ? 0 : {|MEM008:Marshal.GetLastWin32Error()|};
}";
            const string fixedSource = @"
using System.Runtime.InteropServices;
static class Native
{
    [DllImport(""kernel32"", SetLastError = true)]
    static extern bool Beep(uint frequency, uint duration);

    public static int A() => Beep(1, 1) ? 0 : Marshal.GetLastWin32Error();
    public static int B() => Beep(2, 2) ? 0 : Marshal.GetLastWin32Error();
}";
            return VerifyFix<LastErrorAnalyzer, SetLastErrorCodeFix>.CodeFixAsync(source, fixedSource, iterations: 1);
        }

        [Fact]
        public Task LibraryImport_SetLastError_false_becomes_true()
        {
            const string source = @"
using System.Runtime.InteropServices;
static partial class Native
{
    [LibraryImport(""libc"", SetLastError = false)]
    private static partial int close(int fd);
    private static partial int close(int fd) => 0;

    public static int Close(int fd) => close(fd) == 0 ? 0 : {|MEM008:Marshal.GetLastPInvokeError()|};
}";
            const string fixedSource = @"
using System.Runtime.InteropServices;
static partial class Native
{
    [LibraryImport(""libc"", SetLastError = true)]
    private static partial int close(int fd);
    private static partial int close(int fd) => 0;

    public static int Close(int fd) => close(fd) == 0 ? 0 : Marshal.GetLastPInvokeError();
}";
            return VerifyFix<LastErrorAnalyzer, SetLastErrorCodeFix>.CodeFixAsync(source, fixedSource);
        }
    }

    public class StringMarshallingCodeFixTests
    {
        [Fact]
        public Task DllImport_gets_CharSet_Unicode_for_every_declaration_with_fix_all()
        {
            const string source = @"
using System.Runtime.InteropServices;
static class Native
{
    [DllImport(""user32"")]
    public static extern int {|MEM009:MessageBox|}(int owner, string text, string caption, uint type);
    [DllImport(""kernel32"", EntryPoint = ""OutputDebugStringW"")]
    public static extern void {|MEM009:Trace|}(string message);
}";
            const string fixedSource = @"
using System.Runtime.InteropServices;
static class Native
{
    [DllImport(""user32"", CharSet = CharSet.Unicode)]
    public static extern int MessageBox(int owner, string text, string caption, uint type);
    [DllImport(""kernel32"", EntryPoint = ""OutputDebugStringW"", CharSet = CharSet.Unicode)]
    public static extern void Trace(string message);
}";
            return VerifyFix<PInvokeDeclarationAnalyzer, StringMarshallingCodeFix>.CodeFixAsync(source, fixedSource, StringMarshallingCodeFix.Utf16Key);
        }

        [Fact]
        public Task Fix_all_reaches_declarations_in_every_document_of_the_project()
        {
            const string first = @"
using System.Runtime.InteropServices;
static class A { [DllImport(""a"")] public static extern int {|MEM009:Put|}(string s); }";
            const string second = @"
using System.Runtime.InteropServices;
static class B { [DllImport(""b"")] public static extern int {|MEM009:Get|}(char c); }";
            const string firstFixed = @"
using System.Runtime.InteropServices;
static class A { [DllImport(""a"", CharSet = CharSet.Unicode)] public static extern int Put(string s); }";
            const string secondFixed = @"
using System.Runtime.InteropServices;
static class B { [DllImport(""b"", CharSet = CharSet.Unicode)] public static extern int Get(char c); }";
            return VerifyFix<PInvokeDeclarationAnalyzer, StringMarshallingCodeFix>.CodeFixAsync(new[] { first, second }, new[] { firstFixed, secondFixed }, StringMarshallingCodeFix.Utf16Key);
        }

        [Fact]
        public Task DllImport_can_keep_ANSI_explicitly()
        {
            const string source = @"
using System.Runtime.InteropServices;
static class Native
{
    [DllImport(""a"")]
    public static extern int {|MEM009:Put|}(string s);
}";
            const string fixedSource = @"
using System.Runtime.InteropServices;
static class Native
{
    [DllImport(""a"", CharSet = CharSet.Ansi)]
    public static extern int Put(string s);
}";
            return VerifyFix<PInvokeDeclarationAnalyzer, StringMarshallingCodeFix>.CodeFixAsync(source, fixedSource, StringMarshallingCodeFix.NarrowKey);
        }

        [Fact]
        public Task LibraryImport_gets_StringMarshalling_Utf8()
        {
            const string source = @"
using System.Runtime.InteropServices;
static partial class Native
{
    [LibraryImport(""libc"")]
    public static partial int {|MEM009:puts|}(string text);
    public static partial int puts(string text) => 0;
}";
            const string fixedSource = @"
using System.Runtime.InteropServices;
static partial class Native
{
    [LibraryImport(""libc"", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int puts(string text);
    public static partial int puts(string text) => 0;
}";
            return VerifyFix<PInvokeDeclarationAnalyzer, StringMarshallingCodeFix>.CodeFixAsync(source, fixedSource, StringMarshallingCodeFix.NarrowKey);
        }
    }
}
