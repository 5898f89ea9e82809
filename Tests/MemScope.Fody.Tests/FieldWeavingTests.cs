using System;
using System.Collections.Generic;
using System.Linq;
using AssemblyToProcess;
using MemScopeRuntime.Capture;
using Xunit;
using MemScopeTrace.Model;

namespace MemScopeFodyTests;

public class FieldWeavingTests
{
    [Fact]
    public void A_store_to_a_tracked_field_records_Bind_named_Type_field_with_the_replaced_value()
    {
        var cache = new Cache();
        var run = RecordedRun.Of(() =>
        {
            cache.Replace("a");
            cache.Replace("b");
        });

        Assert.Equal(2, cache.Count);
        var binds = run.In("AssemblyToProcess.Cache.Replace", EventKind.Bind);
        Assert.Equal(new[] { "Cache._entries", "Cache._entries" }, binds.Select(x => x.Site.Name));
        Assert.Equal(binds[0].Event.ObjectId, binds[1].Event.Value);
    }

    [Fact]
    public void A_field_initializer_is_a_store_like_any_other()
    {
        var run = RecordedRun.Of(() => new Cache());

        Assert.Equal(new[] { "Cache._entries" }, run.BoundNames("AssemblyToProcess.Cache.ctor"));
    }

    [Fact]
    public void A_tracked_auto_property_is_bound_under_the_property_name()
    {
        var cache = new Cache();
        var run = RecordedRun.Of(() => cache.Numbers = new List<int> { 1 });

        Assert.Equal(new[] { "Cache.Numbers" }, run.BoundNames("AssemblyToProcess.Cache.set_Numbers"));
    }

    [Fact]
    public void A_tracked_object_that_the_GC_reclaims_records_Collected()
    {
        var run = RecordedRun.Of(() =>
        {
            Collectible.CreateAndDrop();
            for (int i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        });

        long id = run.In("AssemblyToProcess.Collectible.CreateAndDrop", EventKind.Alloc).Single().Event.ObjectId;
        Assert.Contains(run.Recording.Events, e => e.Kind == EventKind.Collected && e.ObjectId == id);
    }
}
