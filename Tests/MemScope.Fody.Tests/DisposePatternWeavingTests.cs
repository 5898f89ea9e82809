using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using AssemblyToProcess;
using MemScopeRuntime.Capture;
using Xunit;
using MemScopeTrace.Model;

namespace MemScopeFodyTests;

/// <summary>The dispose pattern, woven and run: one disposal per object, however many of its disposal methods run.</summary>
public class DisposePatternWeavingTests
{
    private const string Scenario = "AssemblyToProcess.DisposePatternScenario.";

    private static long AllocatedIn(RecordedRun run, string method, string type) =>
        run.In(Scenario + method, EventKind.Alloc).Single(x => x.Site.DeclaredType == type).Event.ObjectId;

    // Which disposal came first is decided as it happens (the first is Dispose, a later one DisposeAgain); the
    // recording's order cannot tell when an await moved the second to another thread within the same clock tick.
    private static EventKind[] DisposalsOf(RecordedRun run, long id) =>
        run.Recording.Events.Where(e => e.ObjectId == id && e.Kind is EventKind.Dispose or EventKind.DisposeAgain or EventKind.UseAfterDispose)
            .Select(e => e.Kind).Order().ToArray();

    [Fact]
    public void A_stream_overriding_Dispose_bool_disposed_by_using_records_one_disposal()
    {
        PatternStream? stream = null;
        var run = RecordedRun.Of(() => stream = DisposePatternScenario.DisposeWithUsing());

        Assert.Equal(new[] { true }, stream!.DisposeCalls);
        Assert.Equal(new[] { EventKind.Dispose }, DisposalsOf(run, AllocatedIn(run, "DisposeWithUsing", "AssemblyToProcess.PatternStream")));
    }

    [Fact]
    public void The_using_line_is_where_the_disposal_is_reported()
    {
        var run = RecordedRun.Of(() => DisposePatternScenario.DisposeWithUsing());

        var dispose = run.Recording.Events.Single(e => e.Kind == EventKind.Dispose && e.ObjectId == AllocatedIn(run, "DisposeWithUsing", "AssemblyToProcess.PatternStream"));
        var site = run.Recording.Sites[dispose.Site]!;
        Assert.StartsWith(Scenario + "DisposeWithUsing", site.Method);
        Assert.Equal("PatternStream.Dispose", site.Name);
    }

    [Fact]
    public void Close_on_a_stream_overriding_Dispose_bool_records_one_disposal()
    {
        PatternStream? stream = null;
        var run = RecordedRun.Of(() => stream = DisposePatternScenario.DisposeWithClose());

        Assert.Equal(new[] { true }, stream!.DisposeCalls);
        Assert.Equal(new[] { EventKind.Dispose }, DisposalsOf(run, AllocatedIn(run, "DisposeWithClose", "AssemblyToProcess.PatternStream")));
    }

    [Fact]
    public void Stream_Dispose_from_untracked_code_reaches_the_woven_Dispose_true_and_records_it_there()
    {
        PatternStream? stream = null;
        var run = RecordedRun.Of(() => stream = DisposePatternScenario.DisposeThroughTheBaseStream());

        Assert.Equal(new[] { true }, stream!.DisposeCalls);
        long id = AllocatedIn(run, "DisposeThroughTheBaseStream", "AssemblyToProcess.PatternStream");
        Assert.Equal(new[] { EventKind.Dispose }, DisposalsOf(run, id));
        var dispose = run.Recording.Events.Single(e => e.Kind == EventKind.Dispose && e.ObjectId == id);
        Assert.Equal("AssemblyToProcess.PatternStream.Dispose", run.Recording.Sites[dispose.Site]!.Method);
    }

    [Fact]
    public void A_stream_declaring_no_disposal_method_records_its_disposal_by_untracked_code()
    {
        WindowStream? window = null;
        var run = RecordedRun.Of(() =>
        {
            window = DisposePatternScenario.OpenWindow();
            DisposePatternScenario.DisposeAsStream(window);
            DisposePatternScenario.DisposeAsStream(window);
        });

        long id = AllocatedIn(run, "OpenWindow", "AssemblyToProcess.WindowStream");
        Assert.Equal(new[] { EventKind.Dispose, EventKind.DisposeAgain }, DisposalsOf(run, id));
    }

    [Fact]
    public void Dispose_calling_Close_calling_Dispose_true_on_one_object_records_one_disposal()
    {
        ChainedResource? resource = null;
        var run = RecordedRun.Of(() => resource = DisposePatternScenario.DisposeThroughTheChain());

        Assert.Equal(1, resource!.Released);
        Assert.Equal(new[] { EventKind.Dispose }, DisposalsOf(run, AllocatedIn(run, "DisposeThroughTheChain", "AssemblyToProcess.ChainedResource")));
    }

    [Fact]
    public void Dispose_then_Close_is_a_second_disposal_reached_by_another_route()
    {
        PatternStream? stream = null;
        var run = RecordedRun.Of(() => stream = DisposePatternScenario.DisposeThenClose());

        Assert.Equal(new[] { true, true }, stream!.DisposeCalls);
        Assert.Equal(new[] { EventKind.Dispose, EventKind.DisposeAgain }, DisposalsOf(run, AllocatedIn(run, "DisposeThenClose", "AssemblyToProcess.PatternStream")));
    }

    [Fact]
    public async Task DisposeAsync_awaiting_DisposeAsyncCore_then_Dispose_false_records_one_disposal()
    {
        AsyncPatternResource? resource = null;
        var run = await RecordedRun.OfAsync(async () => resource = await DisposePatternScenario.DisposeAsyncThroughTheCore());

        Assert.Equal(1, resource!.ReleasedAsync);
        Assert.Equal(0, resource.Released); // Dispose(false) released nothing
        Assert.Equal(new[] { EventKind.Dispose }, DisposalsOf(run, AllocatedIn(run, "DisposeAsyncThroughTheCore", "AssemblyToProcess.AsyncPatternResource")));
    }

    [Fact]
    public async Task DisposeAsync_then_Dispose_is_a_second_disposal()
    {
        AsyncPatternResource? resource = null;
        var run = await RecordedRun.OfAsync(async () => resource = await DisposePatternScenario.DisposeAsyncThenDispose());

        Assert.Equal(1, resource!.ReleasedAsync);
        Assert.Equal(1, resource.Released);
        Assert.Equal(new[] { EventKind.Dispose, EventKind.DisposeAgain }, DisposalsOf(run, AllocatedIn(run, "DisposeAsyncThenDispose", "AssemblyToProcess.AsyncPatternResource")));
    }

    [Fact]
    public async Task A_Dispose_that_an_async_DisposeAsync_runs_after_an_await_is_part_of_the_same_disposal()
    {
        FlushingStream? stream = null;
        var run = await RecordedRun.OfAsync(async () => stream = await DisposePatternScenario.DisposeAsyncThatDisposesAfterAnAwait());

        Assert.Equal(new[] { true }, stream!.DisposeCalls);
        Assert.Equal(new[] { EventKind.Dispose }, DisposalsOf(run, AllocatedIn(run, "DisposeAsyncThatDisposesAfterAnAwait", "AssemblyToProcess.FlushingStream")));
    }

    [Fact]
    public void A_disposal_that_threw_is_over_so_the_next_Dispose_is_a_second_disposal()
    {
        ThrowingResource? resource = null;
        var run = RecordedRun.Of(() => resource = DisposePatternScenario.DisposeTwiceThrowing());

        Assert.Equal(2, resource!.Attempts);
        Assert.Equal(new[] { EventKind.Dispose, EventKind.DisposeAgain }, DisposalsOf(run, AllocatedIn(run, "DisposeTwiceThrowing", "AssemblyToProcess.ThrowingResource")));
    }

    [Fact]
    public void A_finalizer_calling_Dispose_false_records_the_finalizer_run_and_no_disposal()
    {
        var run = RecordedRun.Of(() =>
        {
            Abandon();
            for (int i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        });

        long id = AllocatedIn(run, "Abandon", "AssemblyToProcess.ChainedResource");
        Assert.Contains(run.Recording.Events, e => e.Kind == EventKind.Finalized && e.ObjectId == id);
        Assert.Empty(DisposalsOf(run, id));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Abandon() => DisposePatternScenario.Abandon();
}
