using System.Collections.Generic;
using System.Linq;
using AssemblyToProcess;
using MemScopeRuntime.Capture;
using Xunit;
using MemScopeTrace.Model;

namespace MemScopeFodyTests;

public class ByRefLocalTests
{
    private const string Scenario = "AssemblyToProcess.ByRefScenario.";

    [Fact]
    public void A_local_filled_through_out_is_bound_under_its_name_and_ends_its_scope()
    {
        var list = new List<int> { 1, 2 };
        var map = new Dictionary<string, List<int>> { ["k"] = list };
        int count = 0;
        var run = RecordedRun.Of(() => count = ByRefScenario.CountFound(map, "k"));

        Assert.Equal(2, count);
        Assert.Equal(new[] { "found" }, run.BoundNames(Scenario + "CountFound"));
        Assert.Equal(new[] { "found" }, run.ScopeEndedNames(Scenario + "CountFound"));
        Assert.Equal("System.Collections.Generic.List<int>", run.TypeOf(run.In(Scenario + "CountFound", EventKind.Bind).Single().Event.ObjectId));
    }

    [Fact]
    public void An_out_call_that_finds_nothing_binds_nothing_and_the_method_still_works()
    {
        int count = 0;
        var run = RecordedRun.Of(() => count = ByRefScenario.CountFound(new Dictionary<string, List<int>>(), "k"));

        Assert.Equal(-1, count);
        Assert.Empty(run.BoundNames(Scenario + "CountFound"));
    }

    [Fact]
    public void A_ref_call_that_replaces_the_object_binds_the_new_one_with_the_old_as_replaced()
    {
        string result = "";
        var run = RecordedRun.Of(() => result = ByRefScenario.ReplacedThroughRef());

        Assert.Equal("bbb", result);
        var binds = run.In(Scenario + "ReplacedThroughRef", EventKind.Bind);
        Assert.Equal(new[] { "text", "text" }, binds.Select(b => b.Site.Name));
        Assert.Equal(binds[0].Event.ObjectId, binds[1].Event.Value);
        Assert.NotEqual(binds[0].Event.ObjectId, binds[1].Event.ObjectId);
    }

    [Fact]
    public void A_ref_call_that_keeps_the_object_records_no_second_bind()
    {
        var run = RecordedRun.Of(() => ByRefScenario.KeptThroughRef());

        Assert.Equal(new[] { "text" }, run.BoundNames(Scenario + "KeptThroughRef"));
    }
}
