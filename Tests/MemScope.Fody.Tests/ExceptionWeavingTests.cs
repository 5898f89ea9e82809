using System;
using System.Collections.Generic;
using System.Linq;
using AssemblyToProcess;
using MemScopeRuntime.Capture;
using Xunit;

namespace MemScopeFodyTests;

public class ExceptionWeavingTests
{
    [Fact]
    public void An_exception_thrown_through_the_method_still_ends_every_bound_scope_and_runs_the_finally()
    {
        var log = new List<int>();
        var run = RecordedRun.Of(() => Assert.Throws<InvalidOperationException>(() => ExceptionScenario.ThrowsThrough(log)));

        Assert.Equal(new[] { 4, 1 }, log);
        const string method = "AssemblyToProcess.ExceptionScenario.ThrowsThrough";
        Assert.Equal(new[] { "resource", "scratch" }, run.BoundNames(method));
        Assert.Equal(new[] { "resource", "scratch" }, run.ScopeEndedNames(method).OrderBy(n => n));
    }

    [Fact]
    public void A_caught_exception_with_a_filter_keeps_the_method_result_and_ends_the_scopes()
    {
        string result = "";
        var run = RecordedRun.Of(() => result = ExceptionScenario.CatchesAndReturns());

        Assert.Equal("bad!", result);
        const string method = "AssemblyToProcess.ExceptionScenario.CatchesAndReturns";
        Assert.Equal(new[] { "message", "payload", "message", "error", "caught", "message" }, run.BoundNames(method));
        Assert.Equal(new[] { "caught", "error", "message", "payload" }, run.ScopeEndedNames(method).OrderBy(n => n));
    }
}
