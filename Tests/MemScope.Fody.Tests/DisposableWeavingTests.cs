using System;
using System.Linq;
using System.Threading.Tasks;
using AssemblyToProcess;
using MemScopeRuntime.Capture;
using Xunit;
using MemScopeTrace.Model;

namespace MemScopeFodyTests;

public class DisposableWeavingTests
{
    private const string Scenario = "AssemblyToProcess.DisposableScenario.";

    private static long ConnectionId(RecordedRun run, string method) =>
        run.In(Scenario + method, EventKind.Alloc).First(x => x.Site.DeclaredType == "AssemblyToProcess.Connection").Event.ObjectId;

    private static EventKind[] LifecycleOf(RecordedRun run, long id) =>
        run.Recording.Events.Where(e => e.ObjectId == id && e.Kind is EventKind.Dispose or EventKind.DisposeAgain or EventKind.UseAfterDispose or EventKind.Finalized)
            .Select(e => e.Kind).ToArray();

    [Fact]
    public void A_tracked_disposable_records_Dispose_then_DisposeAgain()
    {
        var run = RecordedRun.Of(() => Assert.Equal("result of a", DisposableScenario.DisposeTwice()));

        Assert.Equal(new[] { EventKind.Dispose, EventKind.DisposeAgain }, LifecycleOf(run, ConnectionId(run, "DisposeTwice")));
    }

    [Fact]
    public void A_call_on_a_disposed_tracked_object_records_UseAfterDispose_at_the_call_with_the_member()
    {
        var run = RecordedRun.Of(() => Assert.Equal("closed", DisposableScenario.UseAfterDispose()));

        long id = ConnectionId(run, "UseAfterDispose");
        Assert.Equal(new[] { EventKind.Dispose, EventKind.UseAfterDispose }, LifecycleOf(run, id));
        var use = run.In(Scenario + "UseAfterDispose", EventKind.UseAfterDispose).Single();
        Assert.Equal("Connection.Query", use.Site.Name);
        Assert.Equal(53, use.Site.Line);
    }

    [Fact]
    public void A_foreign_disposable_records_its_Dispose_call_and_the_use_after_it()
    {
        long result = 0;
        var run = RecordedRun.Of(() => result = DisposableScenario.ForeignDisposable());

        Assert.Equal(-3, result); // MemoryStream throws on Length after Dispose: behaviour unchanged
        var stream = run.In(Scenario + "ForeignDisposable", EventKind.Alloc).Single(x => x.Site.DeclaredType == "System.IO.MemoryStream").Event.ObjectId;
        Assert.Equal(new[] { EventKind.Dispose, EventKind.UseAfterDispose }, LifecycleOf(run, stream));
    }

    [Fact]
    public void A_using_declaration_records_the_Dispose_at_the_end_of_its_scope()
    {
        var run = RecordedRun.Of(DisposableScenario.UsingStatement);

        var dispose = run.In(Scenario + "UsingStatement", EventKind.Dispose).Single();
        Assert.Equal("CancellationTokenSource.Dispose", dispose.Site.Name);
    }

    [Fact]
    public async Task DisposeAsync_of_a_tracked_type_records_Dispose_at_the_line_that_called_it()
    {
        var run = await RecordedRun.OfAsync(DisposableScenario.DisposeAsyncResource);

        var dispose = run.In(Scenario + "DisposeAsyncResource", EventKind.Dispose).Single();
        Assert.Equal("AsyncResource.DisposeAsync", dispose.Site.Name);
        Assert.Equal(83, dispose.Site.Line);
        Assert.Empty(run.In("AssemblyToProcess.AsyncResource.DisposeAsync", EventKind.Dispose));
    }

    [Fact]
    public void A_tracked_type_records_a_Dispose_called_from_untracked_code_once()
    {
        var connection = new Connection();
        var run = RecordedRun.Of(() => DisposableScenario.DisposeFromUntrackedCode(connection));

        Assert.Single(run.In("AssemblyToProcess.Connection.Dispose", EventKind.Dispose));
        Assert.Empty(run.In("AssemblyToProcess.Connection.Dispose", EventKind.DisposeAgain));
    }

    [Fact]
    public void Disposal_on_another_thread_is_recorded_on_that_thread()
    {
        var run = RecordedRun.Of(DisposableScenario.DisposeOnAnotherThread);

        long id = ConnectionId(run, "DisposeOnAnotherThread");
        var alloc = run.Recording.Events.Single(e => e.Kind == EventKind.Alloc && e.ObjectId == id);
        var dispose = run.Recording.Events.Single(e => e.Kind == EventKind.Dispose && e.ObjectId == id);
        Assert.NotEqual(alloc.ThreadId, dispose.ThreadId);
    }

    [Fact]
    public void A_finalizer_run_of_an_undisposed_tracked_object_records_Finalized()
    {
        var run = RecordedRun.Of(() =>
        {
            CreateUndisposed();
            for (int i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        });

        Assert.NotEmpty(run.In("AssemblyToProcess.Finalizable.Finalize", EventKind.Finalized));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void CreateUndisposed() => MemScopeRuntime.Probe.Bind(new Finalizable(), null, 0);
}
