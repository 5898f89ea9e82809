using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = MemScopeAnalyzers.Tests.Verify<MemScopeAnalyzers.Analyzers.TrackedUnsafeCodeAnalyzer>;

namespace MemScopeAnalyzers.Tests
{
    public class MEM010TrackedUnsafeCodeTests
    {
        private static DiagnosticResult Info(int location) =>
            new DiagnosticResult(RuleIds.UnsafeCodeInTrackedScope, DiagnosticSeverity.Info).WithLocation(location);

        [Fact]
        public Task Pointer_dereference_in_a_tracked_method_is_reported_once_at_the_first_pointer_operation()
        {
            const string source = @"
unsafe class C
{
    [Tracked]
    static int Read(int* p)
    {
        int a = {|#0:*p|};
        return a + *(p + 1);
    }
}";
            return VerifyCS.AnalyzerAsync(source, Info(0).WithArguments("Read", "a pointer dereference"));
        }

        [Fact]
        public Task Fixed_in_a_method_of_a_tracked_class_is_reported()
        {
            const string source = @"
[Tracked]
unsafe class C
{
    static void Zero(byte[] data)
    {
        {|#0:fixed (byte* p = data) { }|}
    }
}";
            return VerifyCS.AnalyzerAsync(source, Info(0).WithArguments("Zero", "a fixed statement"));
        }

        [Fact]
        public Task Pointer_arithmetic_under_assembly_level_Tracked_is_reported()
        {
            const string source = @"
[assembly: Tracked]
unsafe class C
{
    static byte* Next(byte* p) => {|#0:p + 1|};
}";
            return VerifyCS.AnalyzerAsync(source, Info(0).WithArguments("Next", "pointer arithmetic"));
        }

        [Fact]
        public Task Pointer_indexing_alone_is_recognised_from_a_pointer_typed_parameter()
        {
            const string source = @"
unsafe class C
{
    [Tracked]
    static byte Third(byte* data) => {|#0:data[2]|};
}";
            return VerifyCS.AnalyzerAsync(source, Info(0).WithArguments("Third", "pointer indexing"));
        }

        [Fact]
        public Task Unsafe_block_in_a_tracked_property_getter_is_reported_under_the_property_name()
        {
            const string source = @"
[Tracked]
class C
{
    private readonly int[] _values = new int[4];
    public int First
    {
        get
        {
            unsafe
            {
                {|#0:fixed (int* p = _values) { return 0; }|}
            }
        }
    }
}";
            return VerifyCS.AnalyzerAsync(source, Info(0).WithArguments("First", "a fixed statement"));
        }

        [Fact]
        public Task NotTracked_member_opts_out()
        {
            const string source = @"
[Tracked]
unsafe class C
{
    [NotTracked]
    static int Read(int* p) => *p;
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Unsafe_code_outside_tracked_scope_is_not_reported()
        {
            const string source = @"
unsafe class C
{
    static int Read(int* p) => *p;
    [Tracked]
    static int Safe(int[] a) => a[0];
}";
            return VerifyCS.AnalyzerAsync(source);
        }
    }
}
