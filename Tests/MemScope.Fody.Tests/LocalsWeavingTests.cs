using System.Linq;
using AssemblyToProcess;
using MemScopeRuntime.Capture;
using Xunit;
using MemScopeTrace.Model;

namespace MemScopeFodyTests;

public class LocalsWeavingTests
{
    private const string Plain = "AssemblyToProcess.PlainMethod.";

    [Fact]
    public void A_store_to_a_named_local_records_Bind_with_the_source_name_line_and_declared_type()
    {
        int result = 0;
        var run = RecordedRun.Of(() => result = PlainMethod.CountItems());

        Assert.Equal(11, result);
        var bind = run.In(Plain + "CountItems", EventKind.Bind).Single(x => x.Site.Name == "items");
        Assert.Equal("System.Collections.Generic.List<int>", bind.Site.DeclaredType);
        Assert.EndsWith("PlainMethod.cs", bind.Site.File);
        Assert.Equal(10, bind.Site.Line);
        Assert.Equal("System.Collections.Generic.List<int>", run.TypeOf(bind.Event.ObjectId));
    }

    [Fact]
    public void Every_bound_local_records_ScopeEnd_when_the_method_returns()
    {
        var run = RecordedRun.Of(() => PlainMethod.CountItems());

        Assert.Equal(new[] { "items", "label" }, run.BoundNames(Plain + "CountItems"));
        Assert.Equal(new[] { "items", "label" }, run.ScopeEndedNames(Plain + "CountItems").OrderBy(n => n));
        var end = run.In(Plain + "CountItems", EventKind.ScopeEnd).First();
        Assert.Equal(13, end.Site.Line); // the closing brace
    }

    [Fact]
    public void Reassigning_a_local_records_the_value_it_replaced()
    {
        string text = "";
        var run = RecordedRun.Of(() => text = PlainMethod.Reassign());

        Assert.Equal("bbbbbbbb", text);
        var binds = run.In(Plain + "Reassign", EventKind.Bind);
        Assert.Equal(2, binds.Count);
        Assert.Equal(0, binds[0].Event.Value);
        Assert.Equal(binds[0].Event.ObjectId, binds[1].Event.Value);
    }

    [Fact]
    public void Methods_without_Tracked_record_nothing()
    {
        var run = RecordedRun.Of(() => PlainMethod.NotTrackedMethod());

        Assert.Empty(run.In(Plain + "NotTrackedMethod"));
    }

    [Fact]
    public void NotTracked_opts_a_method_out_of_its_tracked_type()
    {
        var run = RecordedRun.Of(() =>
        {
            new PartlyTracked().Tracked();
            new PartlyTracked().OptedOut();
        });

        Assert.Equal(new[] { "kept" }, run.BoundNames("AssemblyToProcess.PartlyTracked."));
    }

    [Fact]
    public void A_generic_method_of_a_generic_class_binds_its_generic_and_constructed_locals()
    {
        var run = RecordedRun.Of(() => new GenericHolder<string>().Collect("item", new object()));

        Assert.Equal(new[] { "items", "copy", "pairs" }, run.BoundNames("AssemblyToProcess.GenericHolder<T>.Collect"));
        var items = run.In("AssemblyToProcess.GenericHolder<T>.Collect", EventKind.Bind).First(x => x.Site.Name == "items");
        Assert.Equal("System.Collections.Generic.List<T>", items.Site.DeclaredType);
        Assert.Equal("System.Collections.Generic.List<string>", run.TypeOf(items.Event.ObjectId));
    }

    [Fact]
    public void A_generic_local_holding_a_value_type_records_no_phantom_box_and_the_method_still_works()
    {
        var run = RecordedRun.Of(() => Assert.Equal(new[] { 7 }, new GenericHolder<int>().Collect(7, 8)));

        Assert.DoesNotContain("copy", run.BoundNames("AssemblyToProcess.GenericHolder<T>.Collect"));
        Assert.Contains("items", run.BoundNames("AssemblyToProcess.GenericHolder<T>.Collect"));
    }

    [Fact]
    public void A_struct_method_binds_its_locals_and_keeps_mutating_the_struct()
    {
        var accumulator = new Accumulator();
        string first = "", second = "";
        var run = RecordedRun.Of(() =>
        {
            first = accumulator.Describe(3);
            second = accumulator.Describe(2);
        });

        Assert.Equal("0,1,2", first);
        Assert.Equal("3,4", second);
        Assert.Equal(new[] { "parts", "parts" }, run.BoundNames("AssemblyToProcess.Accumulator.Describe"));
    }
}
