using System.Threading.Tasks;
using Xunit;
using VerifyCS = MemScopeAnalyzers.Tests.Verify<MemScopeAnalyzers.Analyzers.LastErrorAnalyzer>;

namespace MemScopeAnalyzers.Tests
{
    public class MEM008LastErrorTests
    {
        [Fact]
        public Task GetLastWin32Error_after_DllImport_without_SetLastError_is_reported_naming_both_and_pointing_at_the_declaration()
        {
            const string source = @"
using System.ComponentModel;
using System.Runtime.InteropServices;
static class Native
{
    [DllImport(""kernel32"")]
    static extern bool {|#1:Beep|}(uint frequency, uint duration);

    public static void Ring()
    {
        if (!Beep(440, 100))
        {
            throw new Win32Exception({|#0:Marshal.GetLastWin32Error()|});
        }
    }
}";
            return VerifyCS.AnalyzerAsync(source, VerifyCS.Diagnostic(RuleIds.LastErrorWithoutSetLastError).WithLocation(0).WithLocation(1).WithArguments("Marshal.GetLastWin32Error", "Beep"));
        }

        [Fact]
        public Task GetLastPInvokeError_after_LibraryImport_without_SetLastError_is_reported()
        {
            const string source = @"
using System.Runtime.InteropServices;
static partial class Native
{
    [LibraryImport(""libc"")]
    private static partial int close(int fd);
    private static partial int close(int fd) => 0;

    public static int Close(int fd)
    {
        int result = close(fd);
        return result == 0 ? 0 : {|MEM008:Marshal.GetLastPInvokeError()|};
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task SetLastError_true_on_DllImport_or_LibraryImport_is_not_reported()
        {
            const string source = @"
using System.Runtime.InteropServices;
static partial class Native
{
    [DllImport(""kernel32"", SetLastError = true)]
    static extern bool Beep(uint frequency, uint duration);
    [LibraryImport(""libc"", SetLastError = true)]
    private static partial int close(int fd);
    private static partial int close(int fd) => 0;

    public static int A() => Beep(1, 1) ? 0 : Marshal.GetLastWin32Error();
    public static int B() { int r = close(3); return r == 0 ? 0 : Marshal.GetLastPInvokeError(); }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Only_the_nearest_preceding_P_Invoke_matters()
        {
            const string source = @"
using System.Runtime.InteropServices;
static class Native
{
    [DllImport(""a"")] static extern int Prepare();
    [DllImport(""a"", SetLastError = true)] static extern int Act();

    public static int M()
    {
        Prepare();
        if (Act() != 0) return Marshal.GetLastWin32Error();
        return 0;
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task A_path_where_the_nearest_P_Invoke_lacks_SetLastError_is_reported()
        {
            const string source = @"
using System.Runtime.InteropServices;
static class Native
{
    [DllImport(""a"", SetLastError = true)] static extern int Good();
    [DllImport(""a"")] static extern int Bad();

    public static int M(bool flag)
    {
        if (flag) Good(); else Bad();
        return {|MEM008:Marshal.GetLastWin32Error()|};
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Reading_the_error_with_no_P_Invoke_before_it_is_not_reported()
        {
            const string source = @"
using System.Runtime.InteropServices;
static class C { public static int M() => Marshal.GetLastWin32Error(); }";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Suppressed_by_editorconfig()
        {
            const string source = @"
using System.Runtime.InteropServices;
static class Native
{
    [DllImport(""a"")] static extern int Bad();
    public static int M() { Bad(); return Marshal.GetLastWin32Error(); }
}";
            return VerifyCS.AnalyzerAsync(source, "dotnet_diagnostic.MEM008.severity = none");
        }
    }
}
