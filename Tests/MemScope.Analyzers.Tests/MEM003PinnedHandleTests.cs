using System.Threading.Tasks;
using Xunit;
using VerifyCS = MemScopeAnalyzers.Tests.Verify<MemScopeAnalyzers.Analyzers.ResourceLifetimeAnalyzer>;

namespace MemScopeAnalyzers.Tests
{
    public class MEM003PinnedHandleTests
    {
        [Fact]
        public Task Pinned_handle_never_freed_is_reported_naming_handle_and_method()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
class C
{
    static IntPtr Address(byte[] data)
    {
        GCHandle handle = {|#0:GCHandle.Alloc(data, GCHandleType.Pinned)|};
        return IntPtr.Zero;
    }
}";
            return VerifyCS.AnalyzerAsync(source, VerifyCS.Diagnostic(RuleIds.PinnedHandleNotFreed).WithLocation(0).WithArguments("handle", "Address"));
        }

        [Fact]
        public Task Pinned_handle_freed_on_one_branch_only_is_reported()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
class C
{
    static void M(byte[] data, bool done)
    {
        var handle = {|MEM003:GCHandle.Alloc(data, GCHandleType.Pinned)|};
        if (done)
        {
            handle.Free();
        }
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Pinned_handle_freed_in_finally_is_not_reported()
        {
            const string source = @"
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
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Normal_and_weak_handles_are_not_this_rule()
        {
            const string source = @"
using System.Runtime.InteropServices;
class C
{
    static void M(object o)
    {
        GCHandle a = GCHandle.Alloc(o);
        GCHandle b = GCHandle.Alloc(o, GCHandleType.Weak);
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Pinned_handle_stored_to_field_is_not_reported()
        {
            const string source = @"
using System.Runtime.InteropServices;
sealed class Pinned
{
    private GCHandle _handle;
    public Pinned(byte[] data) { _handle = GCHandle.Alloc(data, GCHandleType.Pinned); }
    public void Release() => _handle.Free();
}";
            return VerifyCS.AnalyzerAsync(source);
        }
    }
}
