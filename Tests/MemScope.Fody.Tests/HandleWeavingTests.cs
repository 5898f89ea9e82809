using System.Linq;
using AssemblyToProcess;
using MemScopeRuntime.Capture;
using Xunit;
using MemScopeTrace.Model;

namespace MemScopeFodyTests;

public class HandleWeavingTests
{
    private const string Scenario = "AssemblyToProcess.HandleScenario.";

    [Fact]
    public void AddRef_GetHandle_Release_and_Dispose_form_the_handles_timeline_in_order()
    {
        nint raw = 0;
        var run = RecordedRun.Of(() => raw = HandleScenario.RefCounting());

        Assert.Equal(42, raw);
        var handle = run.In(Scenario + "RefCounting", EventKind.Alloc).Single().Event.ObjectId;
        var timeline = run.Recording.Events.Where(e => e.ObjectId == handle && e.Kind >= EventKind.HandleOpen && e.Kind <= EventKind.HandleUseClosed).ToList();
        Assert.Equal(new[]
        {
            EventKind.HandleOpen, EventKind.HandleAddRef, EventKind.HandleAddRef, EventKind.HandleGet,
            EventKind.HandleRelease, EventKind.HandleRelease, EventKind.HandleClose,
        }, timeline.Select(e => e.Kind));
        Assert.Equal(42, timeline.Single(e => e.Kind == EventKind.HandleGet).Value);
    }

    [Fact]
    public void A_call_on_a_closed_handle_records_HandleUseClosed_and_the_program_sees_the_usual_exception()
    {
        bool added = true;
        var run = RecordedRun.Of(() => added = HandleScenario.UseClosedHandle());

        Assert.False(added);
        var use = run.In(Scenario + "UseClosedHandle", EventKind.HandleUseClosed).Single();
        Assert.Equal("SafeHandle.DangerousAddRef", use.Site.Name);
    }

    [Fact]
    public void A_release_without_an_AddRef_is_recorded_for_the_analysis()
    {
        var run = RecordedRun.Of(HandleScenario.ReleaseBelowZero);

        Assert.Single(run.In(Scenario + "ReleaseBelowZero", EventKind.HandleRelease));
        Assert.Empty(run.In(Scenario + "ReleaseBelowZero", EventKind.HandleAddRef));
    }
}
