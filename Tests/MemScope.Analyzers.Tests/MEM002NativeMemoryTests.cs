using System.Threading.Tasks;
using MemScopeAnalyzers.Analyzers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = MemScopeAnalyzers.Tests.Verify<MemScopeAnalyzers.Analyzers.ResourceLifetimeAnalyzer>;

namespace MemScopeAnalyzers.Tests
{
    public class MEM002NativeMemoryTests
    {
        [Fact]
        public Task Allocation_never_freed_is_reported_with_local_api_and_method_names()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
class C
{
    static void Fill(int n)
    {
        IntPtr buffer = {|#0:Marshal.AllocHGlobal(n)|};
        Marshal.WriteByte(buffer, 0, 1);
    }
}";
            return VerifyCS.AnalyzerAsync(source, VerifyCS.Diagnostic(RuleIds.NativeMemoryNotFreed).WithLocation(0).WithArguments("buffer", "Marshal.AllocHGlobal", "Fill"));
        }

        [Fact]
        public Task Early_return_that_skips_the_free_is_reported()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
class C
{
    static int Read(int n, bool fail)
    {
        IntPtr buffer = {|MEM002:Marshal.AllocCoTaskMem(n)|};
        if (fail)
        {
            return -1;
        }
        int value = Marshal.ReadInt32(buffer);
        Marshal.FreeCoTaskMem(buffer);
        return value;
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Throw_that_skips_the_free_is_reported()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
unsafe class C
{
    static void Use(nuint n, bool bad)
    {
        byte* p = (byte*){|MEM002:NativeMemory.Alloc(n)|};
        if (bad) throw new InvalidOperationException();
        p[0] = 1;
        NativeMemory.Free(p);
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Discarded_allocation_is_reported()
        {
            const string source = @"
using System.Runtime.InteropServices;
class C
{
    static void M() { {|MEM002:Marshal.AllocHGlobal(8)|}; }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Allocation_in_loop_freed_only_after_loop_is_reported()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
class C
{
    static void M(int count)
    {
        IntPtr p = IntPtr.Zero;
        for (int i = 0; i < count; i++)
        {
            p = {|MEM002:Marshal.AllocHGlobal(16)|};
        }
        Marshal.FreeHGlobal(p);
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Free_on_every_branch_is_not_reported()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
class C
{
    static int M(bool flag)
    {
        IntPtr p = Marshal.AllocHGlobal(4);
        if (flag)
        {
            Marshal.FreeHGlobal(p);
            return 1;
        }
        Marshal.FreeHGlobal(p);
        return 0;
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Free_in_finally_is_not_reported_even_with_early_return_and_throw()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
unsafe class C
{
    static int M(nuint n, int mode)
    {
        void* p = NativeMemory.AllocZeroed(n);
        try
        {
            if (mode == 0) return 0;
            if (mode == 1) throw new ArgumentException();
            return *(int*)p;
        }
        finally
        {
            NativeMemory.Free(p);
        }
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Allocation_inside_try_with_guarded_free_in_finally_is_not_reported()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
class C
{
    static void M(int n)
    {
        IntPtr p = IntPtr.Zero;
        try
        {
            p = Marshal.AllocHGlobal(n);
            Marshal.WriteByte(p, 1);
        }
        finally
        {
            if (p != IntPtr.Zero) Marshal.FreeHGlobal(p);
        }
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Ownership_returned_to_caller_is_not_reported()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
class C
{
    static IntPtr Create(int n)
    {
        IntPtr p = Marshal.AllocHGlobal(n);
        Marshal.WriteByte(p, 0);
        return p;
    }

    static IntPtr CreateDirect(int n) => Marshal.AllocHGlobal(n);
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Ownership_stored_to_field_is_not_reported()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
unsafe sealed class Buffer
{
    private IntPtr _memory;
    private byte* _bytes;

    public Buffer(int n)
    {
        IntPtr p = Marshal.AllocHGlobal(n);
        _memory = p;
        _bytes = (byte*)NativeMemory.Alloc((nuint)n);
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Ownership_given_to_a_constructor_or_out_parameter_is_not_reported()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
sealed class Owner { public Owner(IntPtr p) { } }
class C
{
    static Owner Wrap(int n) { IntPtr p = Marshal.AllocHGlobal(n); return new Owner(p); }
    static void Out(int n, out IntPtr result) { IntPtr p = Marshal.AllocHGlobal(n); result = p; }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Pointer_captured_by_lambda_is_treated_as_escaping()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
class C
{
    static Action M(int n)
    {
        IntPtr p = Marshal.AllocHGlobal(n);
        return () => Marshal.FreeHGlobal(p);
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Free_through_a_cast_alias_counts_as_free()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
unsafe class C
{
    static void M(int n)
    {
        IntPtr p = Marshal.AllocHGlobal(n);
        byte* bytes = (byte*)p;
        bytes[0] = 1;
        Marshal.FreeHGlobal((IntPtr)bytes);
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Leak_inside_lambda_is_reported()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
class C
{
    static Action M() => () => { IntPtr p = {|MEM002:Marshal.AllocHGlobal(4)|}; Marshal.WriteInt32(p, 1); };
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Suppressed_by_SuppressMessage_attribute()
        {
            const string source = @"
using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
class C
{
    [SuppressMessage(""MemScope.NativeMemory"", ""MEM002"", Justification = ""freed by the native library"")]
    static void M() { IntPtr p = Marshal.AllocHGlobal(4); Marshal.WriteInt32(p, 1); }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Suppressed_by_editorconfig_severity_none()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
class C
{
    static void M() { IntPtr p = Marshal.AllocHGlobal(4); Marshal.WriteInt32(p, 1); }
}";
            return VerifyCS.AnalyzerAsync(source, "dotnet_diagnostic.MEM002.severity = none");
        }
    }
}
