using System;
using System.Collections.Generic;
using System.Linq;
using MemScopeReports.Analysis;
using MemScopeRuntime.Identity;
using MemScopeRuntime.Capture;
using MemScopeTrace.Model;
using Xunit;

namespace MemScopeRuntimeTests;

/// <summary>The lifetime analysis, driven by hand-built event streams with known answers.</summary>
public class ObjectTimelinesTests
{
    private static readonly SiteInfo AllocList = new(1, SiteKind.Alloc, "App", "Program.Main", "Program.cs", 10, 9, "items", "List<int>");
    private static readonly SiteInfo BindItems = new(2, SiteKind.Local, "App", "Program.Main", "Program.cs", 10, 9, "items", "List<int>");
    private static readonly SiteInfo EndItems = new(3, SiteKind.ScopeEnd, "App", "Program.Main", "Program.cs", 20, 5, "items", "List<int>");
    private static readonly SiteInfo BindAlias = new(4, SiteKind.Local, "App", "Program.Main", "Program.cs", 12, 9, "alias", "List<int>");
    private static readonly SiteInfo StoreField = new(5, SiteKind.Field, "App", "Cache.Replace", "Cache.cs", 7, 9, "Cache._items", "List<int>");
    private static readonly SiteInfo StoreFieldElsewhere = new(6, SiteKind.Field, "App", "Cache.Clear", "Cache.cs", 12, 9, "Cache._items", "List<int>");

    private readonly List<RecordedEvent> _events = new();
    private long _clock = 1000;

    private void Add(EventKind kind, SiteInfo? site, long objectId, long value = 0) =>
        _events.Add(new RecordedEvent(new TraceEvent(_clock++, kind, site?.Id ?? 0, objectId, value), 1));

    private void Identify(long objectId, Type type, SiteInfo site) =>
        Add(EventKind.Identify, site, objectId, TypeRegistry.IdOf(type));

    private TrackedObject Analyze(long objectId)
    {
        var sites = new SiteTable(new[] { AllocList, BindItems, EndItems, BindAlias, StoreField, StoreFieldElsewhere });
        var snapshot = new RecordingData(_events.ToArray(), 0, new List<RecordedThread> { new(1, "main") }) { Types = TypeRegistry.Describe(_events.ToArray()) };
        var recording = new Recording(snapshot, sites, 0, DateTimeOffset.UnixEpoch, 0);
        return ObjectTimelines.Build(recording).Single(o => o.Id == objectId);
    }

    [Fact]
    public void An_allocated_object_bound_to_a_local_ends_its_holding_at_the_scope_end()
    {
        Add(EventKind.Alloc, AllocList, 7, new IdentityValue(TypeRegistry.IdOf(typeof(List<int>)), 32, 1).Pack());
        Add(EventKind.Bind, BindItems, 7);
        Add(EventKind.ScopeEnd, EndItems, 7);

        var obj = Analyze(7);
        Assert.Equal("System.Collections.Generic.List<int>", obj.TypeName);
        Assert.Equal(32, obj.Size);
        Assert.Same(AllocList, obj.AllocSite);
        var holding = Assert.Single(obj.Holdings);
        Assert.Equal("items", holding.Site.Name);
        Assert.Equal(HoldingEnd.ScopeEnded, holding.EndReason);
        Assert.Same(EndItems, holding.EndSite);
        Assert.True(obj.IsLive);
    }

    [Fact]
    public void Two_locals_holding_one_object_are_two_open_holdings_shared_ownership()
    {
        Identify(7, typeof(List<int>), BindItems);
        Add(EventKind.Bind, BindItems, 7);
        Add(EventKind.Bind, BindAlias, 7);

        var obj = Analyze(7);
        Assert.Equal(new[] { "items", "alias" }, obj.Holdings.Select(h => h.Site.Name));
        Assert.All(obj.Holdings, h => Assert.Equal(HoldingEnd.StillHeld, h.EndReason));
        Assert.Equal(2, obj.MaxHolders);
    }

    [Fact]
    public void Overwriting_a_field_ends_the_previous_objects_holding_and_names_its_replacement()
    {
        Identify(7, typeof(List<int>), StoreField);
        Add(EventKind.Bind, StoreField, 7);
        Identify(8, typeof(List<int>), StoreFieldElsewhere);
        Add(EventKind.Bind, StoreFieldElsewhere, 8, value: 7);

        var holding = Assert.Single(Analyze(7).Holdings);
        Assert.Equal(1, Analyze(7).MaxHolders);
        Assert.Equal(HoldingEnd.Overwritten, holding.EndReason);
        Assert.Equal(8, holding.ReplacedBy);
        Assert.Same(StoreFieldElsewhere, holding.EndSite);
    }

    [Fact]
    public void A_local_set_to_null_ends_its_holding_like_a_scope_end()
    {
        Identify(7, typeof(List<int>), BindItems);
        Add(EventKind.Bind, BindItems, 7);
        Add(EventKind.Bind, BindItems, 0, value: 7);

        var holding = Assert.Single(Analyze(7).Holdings);
        Assert.Equal(HoldingEnd.ScopeEnded, holding.EndReason);
        Assert.Null(holding.ReplacedBy);
    }

    [Fact]
    public void Collection_ends_every_open_holding_and_the_object_is_no_longer_live()
    {
        Identify(7, typeof(List<int>), BindItems);
        Add(EventKind.Bind, BindItems, 7);
        Add(EventKind.Bind, StoreField, 7);
        Add(EventKind.ScopeEnd, EndItems, 7);
        Add(EventKind.Collected, null, 7);

        var obj = Analyze(7);
        Assert.False(obj.IsLive);
        Assert.Equal(new[] { HoldingEnd.ScopeEnded, HoldingEnd.Collected }, obj.Holdings.Select(h => h.EndReason));
    }

    [Fact]
    public void An_event_at_a_site_no_table_knows_is_kept_under_an_unknown_site()
    {
        Identify(7, typeof(string), BindItems);
        _events.Add(new RecordedEvent(new TraceEvent(_clock++, EventKind.Bind, 999, 7, 0), 1));

        var holding = Analyze(7).Holdings.Single();
        Assert.Equal(SiteKind.Unknown, holding.Site.Kind);
    }

    [Fact]
    public void An_object_whose_collection_is_not_watched_is_neither_live_nor_collected()
    {
        Add(EventKind.Alloc, AllocList, 7, new IdentityValue(TypeRegistry.IdOf(typeof(List<int>)), 32, 0).Pack());

        var obj = Analyze(7);
        Assert.False(obj.CollectionWatched);
        Assert.False(obj.IsLive);
        Assert.Null(obj.CollectedAt);
    }

    [Fact]
    public void A_store_of_an_object_that_is_not_followed_ends_the_previous_holding_as_overwritten()
    {
        Add(EventKind.Alloc, AllocList, 7, new IdentityValue(TypeRegistry.IdOf(typeof(List<int>)), 32, 1).Pack());
        Add(EventKind.Bind, StoreField, 7);
        Add(EventKind.Bind, StoreField, ObjectIdentity.NotFollowed, 7);

        var holding = Assert.Single(Analyze(7).Holdings);
        Assert.Equal(HoldingEnd.Overwritten, holding.EndReason);
        Assert.Null(holding.ReplacedBy);
    }

    [Fact]
    public void Live_totals_count_a_watched_sample_with_its_weight_and_unwatched_objects_apart()
    {
        int list = TypeRegistry.IdOf(typeof(List<int>));
        Add(EventKind.Alloc, AllocList, 1, new IdentityValue(list, 32, 1).Pack());
        Add(EventKind.Alloc, AllocList, 2, new IdentityValue(list, 32, 64).Pack());
        Add(EventKind.Alloc, AllocList, 3, new IdentityValue(list, 32, 0).Pack());
        Add(EventKind.Alloc, AllocList, 4, new IdentityValue(list, 32, 64).Pack());
        Add(EventKind.Collected, null, 4);

        var totals = new ObjectTotals();
        foreach (var id in new long[] { 1, 2, 3, 4 })
            totals.Add(Analyze(id));

        Assert.Equal(65, totals.LiveCount);
        Assert.Equal(65 * 32, totals.LiveBytes);
        Assert.Equal(1, totals.UnwatchedCount);
        Assert.Equal(1, totals.CollectedCount);
    }
}
