using System.Threading.Tasks;
using Xunit;
using VerifyCS = MemScopeAnalyzers.Tests.Verify<MemScopeAnalyzers.Analyzers.StackAllocAnalyzer>;

namespace MemScopeAnalyzers.Tests
{
    public class MEM006StackAllocTests
    {
        [Fact]
        public Task Parameter_sized_stackalloc_is_reported_naming_type_method_and_size()
        {
            const string source = @"
using System;
class C
{
    static void Format(int length)
    {
        Span<char> buffer = {|#0:stackalloc char[length]|};
        buffer.Clear();
    }
}";
            return VerifyCS.AnalyzerAsync(source, VerifyCS.Diagnostic(RuleIds.UnboundedStackAlloc).WithLocation(0).WithArguments("char", "Format", "length"));
        }

        [Fact]
        public Task Large_constant_stackalloc_is_reported()
        {
            const string source = @"
using System;
class C { static void M() { Span<long> big = {|MEM006:stackalloc long[4096]|}; big.Clear(); } }";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Small_constant_and_const_sizes_are_not_reported()
        {
            const string source = @"
using System;
class C
{
    const int Size = 128;
    static void M() { Span<byte> a = stackalloc byte[256]; Span<int> b = stackalloc int[Size]; Span<byte> c = stackalloc byte[] { 1, 2 }; a.Clear(); b.Clear(); c.Clear(); }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Size_checked_in_a_conditional_expression_is_not_reported()
        {
            const string source = @"
using System;
class C
{
    const int Max = 256;
    static void M(int n)
    {
        Span<byte> a = n <= Max ? stackalloc byte[n] : new byte[n];
        Span<byte> b = n > 512 ? new byte[n] : stackalloc byte[n];
        Span<byte> c = (uint)n < 100u ? stackalloc byte[n] : new byte[n];
        a.Clear(); b.Clear(); c.Clear();
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Check_in_the_wrong_direction_is_still_reported()
        {
            const string source = @"
using System;
class C
{
    static void M(int n)
    {
        Span<byte> a = n > 256 ? {|MEM006:stackalloc byte[n]|} : new byte[n];
        a.Clear();
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Guard_clause_and_throw_helper_bound_the_size()
        {
            const string source = @"
using System;
class C
{
    static void A(int n)
    {
        if (n > 512) throw new ArgumentOutOfRangeException(nameof(n));
        Span<byte> s = stackalloc byte[n];
        s.Clear();
    }

    static void B(int n)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 64);
        Span<int> s = stackalloc int[n];
        s.Clear();
    }

    static void D(int n)
    {
        if (n <= 128)
        {
            Span<byte> s = stackalloc byte[n];
            s.Clear();
        }
    }

    static void E(int n)
    {
        Span<byte> s = stackalloc byte[Math.Min(n, 256)];
        s.Clear();
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Bound_above_the_byte_budget_is_reported()
        {
            const string source = @"
using System;
class C
{
    static void M(int n)
    {
        Span<long> s = n <= 100000 ? {|MEM006:stackalloc long[n]|} : new long[n];
        s.Clear();
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Byte_budget_can_be_raised_in_editorconfig()
        {
            const string source = @"
using System;
class C { static void M() { Span<long> big = stackalloc long[4096]; big.Clear(); } }";
            return VerifyCS.AnalyzerAsync(source, "memscope.stackalloc_max_bytes = 65536");
        }

        [Fact]
        public Task Suppressed_by_pragma()
        {
            const string source = @"
using System;
class C
{
    static void M(int n)
    {
#pragma warning disable MEM006 // n is validated by the caller
        Span<byte> s = stackalloc byte[n];
#pragma warning restore MEM006
        s.Clear();
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }
    }
}
