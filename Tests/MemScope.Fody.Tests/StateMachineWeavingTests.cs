using System.Linq;
using System.Threading.Tasks;
using AssemblyToProcess;
using MemScopeRuntime.Capture;
using Xunit;
using MemScopeTrace.Model;

namespace MemScopeFodyTests;

public class StateMachineWeavingTests
{
    private const string Async = "AssemblyToProcess.AsyncScenario.LoadAsync";
    private const string Iterator = "AssemblyToProcess.IteratorScenario.Lines";

    [Fact]
    public async Task An_async_method_binds_its_hoisted_locals_under_their_source_names()
    {
        int result = 0;
        var run = await RecordedRun.OfAsync(async () => result = await AsyncScenario.LoadAsync());

        Assert.Equal(110, result);
        // The continuation after the await may run on another thread within the same clock tick: events of different
        // threads that share a stamp are ordered by thread, not by when they happened (docs/trace-format.md).
        Assert.Equal(new[] { "buffer", "text" }, run.BoundNames(Async).Order());
        var buffer = run.In(Async, EventKind.Bind).First(x => x.Site.Name == "buffer");
        Assert.Equal(10, buffer.Site.Line);
        Assert.Equal("byte[]", buffer.Site.DeclaredType);
        Assert.Equal("AssemblyToProcess.AsyncScenario.LoadAsync (state machine)", buffer.Site.Method);
    }

    [Fact]
    public async Task An_async_method_ends_the_scope_of_its_hoisted_locals_when_it_completes()
    {
        var run = await RecordedRun.OfAsync(() => AsyncScenario.LoadAsync());

        var bound = run.In(Async, EventKind.Bind).Where(x => x.Event.ObjectId != 0).Select(x => x.Event.ObjectId).ToHashSet();
        var ended = run.In(Async, EventKind.ScopeEnd).Select(x => x.Event.ObjectId)
            .Concat(run.In(Async, EventKind.Bind).Where(x => x.Event.ObjectId == 0).Select(x => x.Event.Value)) // cleared by the compiler
            .ToHashSet();
        Assert.Equal(bound, ended);
    }

    [Fact]
    public void An_iterator_binds_its_hoisted_local_and_ends_its_scope_when_disposed()
    {
        var run = RecordedRun.Of(() => Assert.Equal(new[] { "0", "01", "012" }, IteratorScenario.Lines(3).ToArray()));

        Assert.Equal(new[] { "builder" }, run.BoundNames(Iterator));
        Assert.Equal(new[] { "builder" }, run.ScopeEndedNames(Iterator));
        Assert.Equal(
            run.In(Iterator, EventKind.Bind).Single(x => x.Event.ObjectId != 0).Event.ObjectId,
            run.In(Iterator, EventKind.ScopeEnd).Single().Event.ObjectId);
    }
}
