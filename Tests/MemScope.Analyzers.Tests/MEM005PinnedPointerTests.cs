using System.Threading.Tasks;
using Xunit;
using VerifyCS = MemScopeAnalyzers.Tests.Verify<MemScopeAnalyzers.Analyzers.PinnedPointerEscapeAnalyzer>;

namespace MemScopeAnalyzers.Tests
{
    public class MEM005PinnedPointerTests
    {
        [Fact]
        public Task Fixed_pointer_stored_to_field_is_reported_naming_pointer_and_field()
        {
            const string source = @"
unsafe class C
{
    private byte* _cursor;
    void M(byte[] data)
    {
        fixed (byte* p = data)
        {
            _cursor = {|#0:p|};
        }
    }
}";
            return VerifyCS.AnalyzerAsync(source, VerifyCS.Diagnostic(RuleIds.PinnedPointerEscapes).WithLocation(0).WithArguments("p", "fixed", "stored to field '_cursor'"));
        }

        [Fact]
        public Task Fixed_pointer_returned_through_arithmetic_and_cast_is_reported()
        {
            const string source = @"
using System;
unsafe class C
{
    static IntPtr M(byte[] data)
    {
        fixed (byte* p = data)
        {
            byte* q = p + 4;
            return {|MEM005:(IntPtr)q|};
        }
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Fixed_pointer_copied_to_a_variable_declared_outside_is_reported()
        {
            const string source = @"
unsafe class C
{
    static int M(int[] data)
    {
        int* outer = null;
        fixed (int* p = data)
        {
            outer = {|MEM005:p|};
        }
        return *outer;
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Derived_pointer_captured_by_a_lambda_is_reported()
        {
            const string source = @"
using System;
unsafe class C
{
    static Func<int> M(int[] data)
    {
        fixed (int* p = data)
        {
            IntPtr address = (IntPtr)p;
            return () => *(int*){|MEM005:address|};
        }
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Pointer_used_only_inside_fixed_is_not_reported()
        {
            const string source = @"
unsafe class C
{
    static int Sum(int[] data)
    {
        int total = 0;
        fixed (int* p = data)
        {
            for (int* q = p; q < p + data.Length; q++)
            {
                total += *q;
            }
            return total + p[0];
        }
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Address_of_a_handle_freed_in_the_method_stored_to_field_is_reported()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
class C
{
    private IntPtr _address;
    void M(byte[] data)
    {
        GCHandle handle = GCHandle.Alloc(data, GCHandleType.Pinned);
        try
        {
            IntPtr address = handle.AddrOfPinnedObject();
            _address = {|#0:address|};
        }
        finally
        {
            handle.Free();
        }
    }
}";
            return VerifyCS.AnalyzerAsync(source, VerifyCS.Diagnostic(RuleIds.PinnedPointerEscapes).WithLocation(0).WithArguments("address", "GCHandle 'handle'", "stored to field '_address'"));
        }

        [Fact]
        public Task Address_of_a_handle_that_stays_pinned_is_not_reported()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
sealed class PinnedBuffer
{
    private GCHandle _handle;
    private IntPtr _address;
    public PinnedBuffer(byte[] data)
    {
        GCHandle handle = GCHandle.Alloc(data, GCHandleType.Pinned);
        _handle = handle;
        _address = handle.AddrOfPinnedObject();
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Suppressed_by_editorconfig()
        {
            const string source = @"
unsafe class C
{
    private byte* _cursor;
    void M(byte[] data) { fixed (byte* p = data) { _cursor = p; } }
}";
            return VerifyCS.AnalyzerAsync(source, "dotnet_diagnostic.MEM005.severity = none");
        }
    }
}
