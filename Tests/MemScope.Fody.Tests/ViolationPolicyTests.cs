using System;
using System.Linq;
using AssemblyToProcess;
using MemScopeRuntime.Guards;
using MemScopeRuntime.Capture;
using Xunit;
using MemScopeTrace.Model;

namespace MemScopeFodyTests;

/// <summary>
/// MEMSCOPE_ON_VIOLATION=throw, run in this process by switching the policy it sets: errors throw at the offending
/// call after they are recorded; a second Dispose, which .NET allows, is recorded as a warning and never throws.
/// </summary>
public sealed class ViolationPolicyTests : IDisposable
{
    private readonly bool _before = Violations.ThrowOnError;

    public ViolationPolicyTests() => Violations.ThrowOnError = true;

    public void Dispose() => Violations.ThrowOnError = _before;

    [Fact]
    public void A_second_Dispose_does_not_throw_and_is_recorded()
    {
        var run = RecordedRun.Of(() => Assert.Equal("result of a", DisposableScenario.DisposeTwice()));

        Assert.Single(run.In("AssemblyToProcess.DisposableScenario.DisposeTwice", EventKind.DisposeAgain));
    }

    [Fact]
    public void A_second_disposal_through_Close_does_not_throw_and_the_stream_is_disposed_twice_as_without_MemScope()
    {
        PatternStream? stream = null;
        var run = RecordedRun.Of(() => stream = DisposePatternScenario.DisposeThenClose());

        Assert.Equal(new[] { true, true }, stream!.DisposeCalls);
        Assert.Single(run.Recording.Events, e => e.Kind == EventKind.DisposeAgain &&
            e.ObjectId == run.In("AssemblyToProcess.DisposePatternScenario.DisposeThenClose", EventKind.Alloc).Single().Event.ObjectId);
    }

    [Fact]
    public void A_use_after_dispose_throws_ObjectDisposedException_after_recording_it()
    {
        long start = MemScopeRuntime.Capture.CoarseClock.Sync();
        Assert.Throws<ObjectDisposedException>(() => DisposableScenario.UseAfterDispose());

        var recording = MemScope.Snapshot();
        Assert.Contains(recording.Events, e => e.Timestamp >= start && e.Kind == EventKind.UseAfterDispose &&
            recording.Sites[e.Site]?.Method == "AssemblyToProcess.DisposableScenario.UseAfterDispose");
    }

    [Fact]
    public void A_native_double_free_throws_InvalidOperationException_and_the_second_free_never_reaches_the_allocator()
    {
        var error = Assert.Throws<InvalidOperationException>(NativeScenario.DoubleFree);

        Assert.Contains("freed twice", error.Message);
    }

    [Fact]
    public void A_freed_pointer_passed_to_native_code_throws_InvalidOperationException()
    {
        var error = Assert.Throws<InvalidOperationException>(() => NativeScenario.UseAfterFree());

        Assert.Contains("after it was freed", error.Message);
    }
}
