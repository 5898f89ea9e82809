using System.Threading.Tasks;
using Xunit;
using VerifyCS = MemScopeAnalyzers.Tests.Verify<MemScopeAnalyzers.Analyzers.ResourceLifetimeAnalyzer>;

namespace MemScopeAnalyzers.Tests
{
    public class MEM004PooledArrayTests
    {
        [Fact]
        public Task Rented_array_never_returned_is_reported_naming_array_pool_and_method()
        {
            const string source = @"
using System.Buffers;
using System.IO;
class C
{
    static int Copy(Stream stream)
    {
        byte[] buffer = {|#0:ArrayPool<byte>.Shared.Rent(4096)|};
        return stream.Read(buffer, 0, buffer.Length);
    }
}";
            return VerifyCS.AnalyzerAsync(source, VerifyCS.Diagnostic(RuleIds.PooledArrayNotReturned).WithLocation(0).WithArguments("buffer", "ArrayPool<byte>.Shared", "Copy"));
        }

        [Fact]
        public Task Early_return_before_Return_is_reported()
        {
            const string source = @"
using System.Buffers;
class C
{
    static int M(int n)
    {
        char[] chars = {|MEM004:ArrayPool<char>.Shared.Rent(n)|};
        if (n == 0) return 0;
        int length = chars.Length;
        ArrayPool<char>.Shared.Return(chars);
        return length;
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Custom_pool_instance_is_followed_too()
        {
            const string source = @"
using System.Buffers;
class C
{
    private readonly ArrayPool<int> _pool = ArrayPool<int>.Create();
    int M() { int[] a = {|MEM004:_pool.Rent(8)|}; return a[0]; }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Return_in_finally_is_not_reported()
        {
            const string source = @"
using System;
using System.Buffers;
class C
{
    static int M(ReadOnlySpan<byte> input)
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(input.Length);
        try
        {
            input.CopyTo(rented);
            return rented[0];
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented, clearArray: true);
        }
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Stackalloc_or_rent_idiom_with_conditional_return_is_not_reported()
        {
            const string source = @"
using System;
using System.Buffers;
class C
{
    static int M(int n)
    {
        byte[]? rented = null;
        Span<byte> buffer = n <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(n));
        try
        {
            buffer.Clear();
            return buffer.Length;
        }
        finally
        {
            if (rented != null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Rented_array_returned_to_caller_or_kept_in_field_is_not_reported()
        {
            const string source = @"
using System.Buffers;
sealed class Builder
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(16);
    public static byte[] Lease(int n) => ArrayPool<byte>.Shared.Rent(n);
    public void Grow(int n)
    {
        byte[] larger = ArrayPool<byte>.Shared.Rent(n);
        _buffer.CopyTo(larger, 0);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Suppressed_by_editorconfig()
        {
            const string source = @"
using System.Buffers;
class C { static int M() { var a = ArrayPool<int>.Shared.Rent(4); return a[0]; } }";
            return VerifyCS.AnalyzerAsync(source, "dotnet_diagnostic.MEM004.severity = none");
        }
    }
}
