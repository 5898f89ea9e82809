using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MemScopeRuntime;
using MemScopeReports.Analysis;
using MemScopeRuntime.Identity;
using MemScopeRuntime.Capture;
using MemScopeTrace.Model;
using Xunit;

namespace MemScopeRuntimeTests;

/// <summary>Whose collection is watched, and what an unwatched object looks like. The only class here that opens a leak scope.</summary>
public class CollectionWatchTests
{
    private static readonly int OneIn = RuntimeSettings.WatchOneIn;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(1024)]
    public void An_identity_value_keeps_type_size_and_live_weight(int weight)
    {
        var value = new IdentityValue(12345, 3_000_000_000, weight);

        Assert.Equal(value, IdentityValue.Unpack(value.Pack()));
    }

    [Fact]
    public void A_bare_type_id_reads_as_a_watched_object_of_unknown_size()
    {
        Assert.Equal(new IdentityValue(42, 0, 1), IdentityValue.Unpack(42));
    }

    [Fact]
    public void The_first_objects_of_a_site_are_all_watched()
    {
        var site = new SiteType(typeof(List<int>));

        var weights = Enumerable.Range(0, RuntimeSettings.ExactWatchPerSite).Select(_ => CollectionWatch.WeightFor(site));

        Assert.All(weights, w => Assert.Equal(1, w));
    }

    [Fact]
    public void Past_the_exact_phase_about_one_object_in_N_is_watched_and_stands_for_N()
    {
        var site = new SiteType(typeof(List<int>));
        for (int i = 0; i < RuntimeSettings.ExactWatchPerSite; i++)
            CollectionWatch.WeightFor(site);

        const int Objects = 640_000;
        var weights = Enumerable.Range(0, Objects).Select(_ => CollectionWatch.WeightFor(site)).ToList();

        Assert.All(weights, w => Assert.True(w == 0 || w == OneIn, $"weight {w}"));
        long estimated = weights.Sum(w => (long)w);
        Assert.InRange(estimated, Objects * 0.85, Objects * 1.15); // the sample scales back to the whole
    }

    [Fact]
    public void Disposables_are_always_watched()
    {
        var site = new SiteType(typeof(MemoryStream));
        for (int i = 0; i < RuntimeSettings.ExactWatchPerSite; i++)
            CollectionWatch.WeightFor(site);

        Assert.All(Enumerable.Range(0, 1000).Select(_ => CollectionWatch.WeightFor(site)), w => Assert.Equal(1, w));
    }

    [Fact]
    public void Inside_a_leak_scope_every_object_is_watched()
    {
        var site = new SiteType(typeof(List<int>));
        for (int i = 0; i < RuntimeSettings.ExactWatchPerSite; i++)
            CollectionWatch.WeightFor(site);

        using (MemScope.BeginScope())
            Assert.All(Enumerable.Range(0, 1000).Select(_ => CollectionWatch.WeightFor(site)), w => Assert.Equal(1, w));

        Assert.Contains(0, Enumerable.Range(0, 1000).Select(_ => CollectionWatch.WeightFor(site)));
    }

    [Fact]
    [NotTracked] // the objects must reach the bind unseen, as objects made by untracked code do
    public void A_store_of_an_unwatched_foreign_object_records_that_it_is_not_followed()
    {
        const int Site = 900_001; // a site of its own, far from the woven ones
        for (int i = 0; i < RuntimeSettings.ExactWatchPerSite; i++)
            ObjectIdentity.FollowedIdOf(new List<int>(), Site);

        var ids = Enumerable.Range(0, 1000).Select(_ => ObjectIdentity.FollowedIdOf(new List<int>(), Site)).ToList();

        Assert.Contains(ObjectIdentity.NotFollowed, ids);
        Assert.All(ids, id => Assert.True(id == ObjectIdentity.NotFollowed || id > 0));
    }

    [Fact]
    [NotTracked] // the strings must reach the store unseen
    public void A_site_follows_strings_for_its_first_uses_then_stops_looking_them_up()
    {
        const int Site = 900_002;
        var early = new string('a', 3);
        long id = ObjectIdentity.FollowedIdOf(early, Site);
        for (int i = 0; i < RuntimeSettings.ExactWatchPerSite; i++)
            ObjectIdentity.FollowedIdOf(new string('b', 3), Site);

        Assert.True(id > 0);
        Assert.Equal(ObjectIdentity.NotFollowed, ObjectIdentity.FollowedIdOf(new string('c', 3), Site));
        Assert.Equal(0, ObjectIdentity.PeekId(early, Site));
        Assert.Equal(id, ObjectIdentity.PeekId(early)); // it keeps its id; this site just no longer asks
    }
}
