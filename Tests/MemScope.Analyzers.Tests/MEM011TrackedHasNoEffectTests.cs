using System.Threading.Tasks;
using Xunit;
using VerifyCS = MemScopeAnalyzers.Tests.Verify<MemScopeAnalyzers.Analyzers.TrackedAttributeAnalyzer>;

namespace MemScopeAnalyzers.Tests
{
    public class MEM011TrackedHasNoEffectTests
    {
        [Fact]
        public Task Tracked_on_extern_method_is_reported_naming_it_and_the_reason()
        {
            const string source = @"
using System.Runtime.InteropServices;
static class Native
{
    [Tracked]
    [DllImport(""a"")]
    static extern int {|#0:Call|}();
}";
            return VerifyCS.AnalyzerAsync(source, VerifyCS.Diagnostic(RuleIds.TrackedHasNoEffect).WithLocation(0).WithArguments("Call", "an extern method has no body to weave"));
        }

        [Fact]
        public Task Tracked_on_abstract_and_interface_members_is_reported()
        {
            const string source = @"
abstract class Shape
{
    [Tracked] public abstract double {|MEM011:Area|}();
    [Tracked] public abstract int {|MEM011:Sides|} { get; }
}
interface IStore
{
    [Tracked] void {|MEM011:Save|}();
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Tracked_on_a_ref_struct_is_reported()
        {
            const string source = @"
[Tracked]
ref struct {|MEM011:Cursor|}
{
    public System.Span<byte> Remaining;
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Tracked_method_whose_only_locals_are_ref_structs_is_reported()
        {
            const string source = @"
using System;
class C
{
    [Tracked]
    static int {|MEM011:Sum|}(ReadOnlySpan<int> values)
    {
        ReadOnlySpan<int> rest = values;
        Span<int> total = stackalloc int[1];
        while (!rest.IsEmpty) { total[0] += rest[0]; rest = rest.Slice(1); }
        return total[0];
    }
}";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Tracked_on_ordinary_members_and_virtual_methods_with_bodies_is_not_reported()
        {
            const string source = @"
using System;
[Tracked]
class Cache
{
    [Tracked] private object? _last;
    [Tracked] public virtual object Get() { _last = new object(); return _last; }
    [Tracked] public int Count { get; set; }
    [Tracked] public static int Sum(ReadOnlySpan<int> values) { var list = new System.Collections.Generic.List<int>(); return list.Count; }
}
[Tracked]
struct Point { public int X; }";
            return VerifyCS.AnalyzerAsync(source);
        }

        [Fact]
        public Task Suppressed_by_SuppressMessage()
        {
            const string source = @"
using System.Diagnostics.CodeAnalysis;
abstract class Shape
{
    [SuppressMessage(""MemScope.Tracking"", ""MEM011"")]
    [Tracked] public abstract double Area();
}";
            return VerifyCS.AnalyzerAsync(source);
        }
    }
}
