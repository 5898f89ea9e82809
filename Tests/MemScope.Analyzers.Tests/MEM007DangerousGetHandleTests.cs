using System.Threading.Tasks;
using Xunit;
using VerifyCS = MemScopeAnalyzers.Tests.Verify<MemScopeAnalyzers.Analyzers.DangerousHandleAnalyzer>;

namespace MemScopeAnalyzers.Tests
{
    public class MEM007DangerousGetHandleTests
    {
        [Fact]
        public Task Unguarded_DangerousGetHandle_is_reported_naming_the_handle()
        {
            const string source = @"
using System;
using Microsoft.Win32.SafeHandles;
class C
{
    static IntPtr Raw(SafeFileHandle file) => {|#0:file.DangerousGetHandle()|};
}";
            return VerifyCS.AnalyzerAsync(source, VerifyCS.Diagnostic(RuleIds.DangerousGetHandleUnguarded).WithLocation(0).WithArguments("file"));
        }

        [Fact]
        public Task AddRef_without_Release_in_finally_is_reported()
        {
            const string source = @"
using System;
using Microsoft.Win32.SafeHandles;
class C
{
    static long M(SafeFileHandle file)
    {
        bool added = false;
        file.DangerousAddRef(ref added);
        long raw = {|MEM007:file.DangerousGetHandle()|}.ToInt64();
        file.DangerousRelease();
        return raw;
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task AddRef_and_Release_in_finally_on_the_same_handle_is_not_reported()
        {
            const string source = @"
using System;
using Microsoft.Win32.SafeHandles;
class C
{
    private readonly SafeFileHandle _file = new SafeFileHandle(IntPtr.Zero, false);

    long M()
    {
        bool added = false;
        try
        {
            _file.DangerousAddRef(ref added);
            return _file.DangerousGetHandle().ToInt64();
        }
        finally
        {
            if (added) _file.DangerousRelease();
        }
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Guard_on_a_different_handle_does_not_count()
        {
            const string source = @"
using System;
using Microsoft.Win32.SafeHandles;
class C
{
    static long M(SafeFileHandle a, SafeFileHandle b)
    {
        bool added = false;
        try
        {
            a.DangerousAddRef(ref added);
            return {|MEM007:b.DangerousGetHandle()|}.ToInt64();
        }
        finally
        {
            if (added) a.DangerousRelease();
        }
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task A_SafeHandle_reading_its_own_handle_is_not_reported()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
sealed class MyHandle : SafeHandle
{
    public MyHandle() : base(IntPtr.Zero, true) { }
    public override bool IsInvalid => DangerousGetHandle() == IntPtr.Zero;
    protected override bool ReleaseHandle() => this.DangerousGetHandle() != IntPtr.Zero;
}";
            return VerifyCS.AnalyzerAsync(source);
        }
    }
}
