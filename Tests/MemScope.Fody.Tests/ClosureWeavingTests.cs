using System.Linq;
using AssemblyToProcess;
using MemScopeRuntime.Capture;
using Xunit;
using MemScopeTrace.Model;

namespace MemScopeFodyTests;

public class ClosureWeavingTests
{
    private const string Capture = "AssemblyToProcess.ClosureScenario.Capture";

    [Fact]
    public void A_captured_local_is_bound_under_its_source_name()
    {
        var run = RecordedRun.Of(() => Assert.Equal(2, ClosureScenario.Capture()));

        var captured = run.In(Capture, EventKind.Bind).First(x => x.Site.Name == "captured");
        Assert.Equal("System.Collections.Generic.List<int>", captured.Site.DeclaredType);
        Assert.Equal(11, captured.Site.Line);
    }

    [Fact]
    public void A_lambda_of_a_tracked_method_is_tracked_and_named_after_it()
    {
        var run = RecordedRun.Of(() => ClosureScenario.Capture());

        var inner = run.In(Capture, EventKind.Bind).Single(x => x.Site.Name == "inner");
        Assert.Equal("AssemblyToProcess.ClosureScenario.Capture (lambda)", inner.Site.Method);
        Assert.Contains(run.In(Capture, EventKind.ScopeEnd), x => x.Site.Name == "inner");
        Assert.Equal(2, run.In(Capture, EventKind.Alloc).Count); // captured and inner; delegates and closures are not reported
    }

    [Fact]
    public void A_local_function_of_a_tracked_method_is_tracked_and_named_after_it()
    {
        var run = RecordedRun.Of(() => Assert.Equal("###", ClosureScenario.LocalFunction()));

        var builder = run.In("AssemblyToProcess.ClosureScenario.LocalFunction", EventKind.Bind).Single();
        Assert.Equal("builder", builder.Site.Name);
        Assert.Equal("AssemblyToProcess.ClosureScenario.LocalFunction (local function Build)", builder.Site.Method);
    }
}
