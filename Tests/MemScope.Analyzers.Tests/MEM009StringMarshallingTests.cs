using System.Threading.Tasks;
using Xunit;
using VerifyCS = MemScopeAnalyzers.Tests.Verify<MemScopeAnalyzers.Analyzers.PInvokeDeclarationAnalyzer>;

namespace MemScopeAnalyzers.Tests
{
    public class MEM009StringMarshallingTests
    {
        [Fact]
        public Task DllImport_with_string_parameter_and_no_CharSet_is_reported_naming_method_and_parameter()
        {
            const string source = @"
using System.Runtime.InteropServices;
static class Native
{
    [DllImport(""user32"")]
    public static extern int {|#0:MessageBox|}(int owner, string text, string caption, uint type);
}";
            return VerifyCS.AnalyzerAsync(source, VerifyCS.Diagnostic(RuleIds.ImplicitStringMarshalling).WithLocation(0).WithArguments("MessageBox", "text"));
        }

        [Fact]
        public Task Char_StringBuilder_and_string_return_are_reported()
        {
            const string source = @"
using System.Runtime.InteropServices;
using System.Text;
static class Native
{
    [DllImport(""a"")] public static extern int {|MEM009:PutChar|}(char c);
    [DllImport(""a"")] public static extern int {|MEM009:GetName|}(StringBuilder buffer, int size);
    [DllImport(""a"")] public static extern string {|MEM009:Version|}();
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task LibraryImport_without_StringMarshalling_is_reported()
        {
            const string source = @"
using System.Runtime.InteropServices;
static partial class Native
{
    [LibraryImport(""libc"")]
    public static partial int {|MEM009:puts|}(string text);
    public static partial int puts(string text) => 0;
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Explicit_CharSet_StringMarshalling_or_MarshalAs_is_not_reported()
        {
            const string source = @"
using System.Runtime.InteropServices;
static partial class Native
{
    [DllImport(""a"", CharSet = CharSet.Ansi)] public static extern int A(string s);
    [DllImport(""a"")] public static extern int B([MarshalAs(UnmanagedType.LPUTF8Str)] string s);
    [DllImport(""a"")] [return: MarshalAs(UnmanagedType.LPWStr)] public static extern string C();
    [LibraryImport(""a"", StringMarshalling = StringMarshalling.Utf8)] public static partial int D(string s);
    public static partial int D(string s) => 0;
    [DllImport(""a"")] public static extern int E(int value, byte[] data);
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Module_level_DefaultCharSet_counts_as_explicit_for_DllImport()
        {
            const string source = @"
using System.Runtime.InteropServices;
[module: DefaultCharSet(CharSet.Unicode)]
static class Native
{
    [DllImport(""a"")] public static extern int A(string s);
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Suppressed_by_SuppressMessage_on_the_declaration()
        {
            const string source = @"
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
static class Native
{
    [SuppressMessage(""MemScope.Interop"", ""MEM009"")]
    [DllImport(""a"")] public static extern int A(string s);
}";
            return VerifyCS.AnalyzerAsync(source);
        }
    }
}
