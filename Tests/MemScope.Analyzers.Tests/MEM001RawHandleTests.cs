using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = MemScopeAnalyzers.Tests.Verify<MemScopeAnalyzers.Analyzers.PInvokeDeclarationAnalyzer>;

namespace MemScopeAnalyzers.Tests
{
    public class MEM001RawHandleTests
    {
        private static DiagnosticResult Info(int location) =>
            new DiagnosticResult(RuleIds.RawHandleInPInvoke, DiagnosticSeverity.Info).WithLocation(location);

        [Fact]
        public Task Handle_returned_as_IntPtr_by_DllImport_is_reported_naming_method_and_type()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
static class Native
{
    [DllImport(""kernel32"", CharSet = CharSet.Unicode)]
    public static extern IntPtr {|#0:CreateEvent|}(IntPtr attributes, bool manualReset, bool initialState, string name);
}";
            return VerifyCS.AnalyzerAsync(source, Info(0).WithArguments("The return value", "CreateEvent", "IntPtr"));
        }

        [Fact]
        public Task Handle_parameters_as_nint_and_pointer_are_reported_naming_parameter()
        {
            const string source = @"
using System.Runtime.InteropServices;
unsafe static class Native
{
    [DllImport(""kernel32"")]
    public static extern bool ReadFile(nint {|#0:hFile|}, byte* buffer, int count, out int read, nint overlapped);

    [DllImport(""user32"")]
    public static extern int GetWindowTextLength(void* {|#1:windowHandle|});
}";
            return VerifyCS.AnalyzerAsync(source,
                Info(0).WithArguments("Parameter 'hFile'", "ReadFile", "nint"),
                Info(1).WithArguments("Parameter 'windowHandle'", "GetWindowTextLength", "void*"));
        }

        [Fact]
        public Task LibraryImport_is_checked_like_DllImport()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
static partial class Native
{
    [LibraryImport(""libc"")]
    public static partial IntPtr {|#0:dlopen|}(byte* path, int flags);
    public static partial IntPtr dlopen(byte* path, int flags) => IntPtr.Zero;
}";
            return VerifyCS.AnalyzerAsync(source.Replace("static partial class", "unsafe static partial class"), Info(0).WithArguments("The return value", "dlopen", "IntPtr"));
        }

        [Fact]
        public Task Release_functions_keep_raw_handles_because_SafeHandle_ReleaseHandle_calls_them()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
static class Native
{
    [DllImport(""kernel32"")]
    public static extern bool CloseHandle(IntPtr handle);
    [DllImport(""libc"")]
    public static extern int dlclose(IntPtr handle);
    [DllImport(""kernel32"")]
    public static extern IntPtr LocalFree(IntPtr hMem);
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Buffers_and_SafeHandles_are_not_reported()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
static class Native
{
    [DllImport(""kernel32"", SetLastError = true, CharSet = CharSet.Unicode)]
    public static extern SafeFileHandle CreateFile(string name, uint access, uint share, IntPtr security, uint mode, uint flags, IntPtr template);
    [DllImport(""kernel32"")]
    public static extern bool ReadFile(SafeFileHandle file, IntPtr buffer, int count, out int read, IntPtr overlapped);
    [DllImport(""libc"")]
    public static extern IntPtr memset(IntPtr destination, int value, nuint count);
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Ordinary_methods_with_IntPtr_handles_are_not_P_Invokes()
        {
            const string source = @"
using System;
static class Helpers
{
    public static IntPtr OpenSomething(IntPtr handle) => handle;
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Suppressed_by_editorconfig()
        {
            const string source = @"
using System;
using System.Runtime.InteropServices;
static class Native
{
    [DllImport(""kernel32"")]
    public static extern IntPtr OpenProcess(uint access, bool inherit, int id);
}";
            return VerifyCS.AnalyzerAsync(source, "dotnet_diagnostic.MEM001.severity = none");
        }
    }
}
