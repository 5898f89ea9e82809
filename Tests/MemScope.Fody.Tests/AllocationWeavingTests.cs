using System.Linq;
using AssemblyToProcess;
using MemScopeRuntime.Identity;
using MemScopeRuntime.Capture;
using Xunit;
using MemScopeTrace.Model;

namespace MemScopeFodyTests;

public class AllocationWeavingTests
{
    [Fact]
    public void Newobj_records_Alloc_with_the_constructed_type_and_the_variable_it_goes_into()
    {
        var run = RecordedRun.Of(() => PlainMethod.CountItems());

        var alloc = run.In("AssemblyToProcess.PlainMethod.CountItems", EventKind.Alloc).Single();
        Assert.Equal("System.Collections.Generic.List<int>", alloc.Site.DeclaredType);
        Assert.Equal("items", alloc.Site.Name);
        Assert.True(Size(alloc.Event) >= 32, $"a List<int> takes at least 32 bytes, recorded {Size(alloc.Event)}");
    }

    [Fact]
    public void Newarr_records_the_exact_array_size()
    {
        var run = RecordedRun.Of(() => new Accumulator().Describe(5));

        var alloc = run.In("AssemblyToProcess.Accumulator.Describe", EventKind.Alloc).Single();
        Assert.Equal("string[]", alloc.Site.DeclaredType);
        Assert.Equal(16 + 8 + 5 * 8, Size(alloc.Event)); // header + length + 5 references
    }

    [Fact]
    public void A_string_constructor_records_the_exact_string_size()
    {
        var run = RecordedRun.Of(() => PlainMethod.Reassign());

        var sizes = run.In("AssemblyToProcess.PlainMethod.Reassign", EventKind.Alloc).Select(x => Size(x.Event)).ToList();
        Assert.Equal(new long[] { 32, 40 }, sizes); // 22 + 2 * length, rounded up to 8
    }

    [Fact]
    public void Arrays_of_a_generic_struct_are_sized_with_the_struct_size()
    {
        var run = RecordedRun.Of(() => new GenericHolder<long>().Collect(1L, 2L));

        var array = run.In("AssemblyToProcess.GenericHolder<T>.Collect", EventKind.Alloc).Single(x => x.Site.DeclaredType!.EndsWith("[]"));
        Assert.Equal(16 + 8 + 2 * 16, Size(array.Event)); // two KeyValuePair<long, long>
    }

    private static long Size(RecordedEvent alloc) => IdentityValue.Unpack(alloc.Value).Size;
}
