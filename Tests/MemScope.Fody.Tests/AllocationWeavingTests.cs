using System.Linq;
using AssemblyToProcess;
using MemScopeRuntime.Recording;
using Xunit;

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
        Assert.True(alloc.Event.Value >= 32, $"a List<int> takes at least 32 bytes, recorded {alloc.Event.Value}");
    }

    [Fact]
    public void Newarr_records_the_exact_array_size()
    {
        var run = RecordedRun.Of(() => new Accumulator().Describe(5));

        var alloc = run.In("AssemblyToProcess.Accumulator.Describe", EventKind.Alloc).Single();
        Assert.Equal("string[]", alloc.Site.DeclaredType);
        Assert.Equal(16 + 8 + 5 * 8, alloc.Event.Value); // header + length + 5 references
    }

    [Fact]
    public void A_string_constructor_records_the_exact_string_size()
    {
        var run = RecordedRun.Of(() => PlainMethod.Reassign());

        var sizes = run.In("AssemblyToProcess.PlainMethod.Reassign", EventKind.Alloc).Select(x => x.Event.Value).ToList();
        Assert.Equal(new long[] { 32, 40 }, sizes); // 22 + 2 * length, rounded up to 8
    }

    [Fact]
    public void Arrays_of_a_generic_struct_are_sized_with_the_struct_size()
    {
        var run = RecordedRun.Of(() => new GenericHolder<long>().Collect(1L, 2L));

        var array = run.In("AssemblyToProcess.GenericHolder<T>.Collect", EventKind.Alloc).Single(x => x.Site.DeclaredType!.EndsWith("[]"));
        Assert.Equal(16 + 8 + 2 * 16, array.Event.Value); // two KeyValuePair<long, long>
    }
}
