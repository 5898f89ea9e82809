using System;
using System.Linq;
using AssemblyToProcess;
using MemScopeRuntime.Capture;
using Xunit;
using MemScopeTrace.Model;

namespace MemScopeFodyTests;

public class NativeWeavingTests
{
    private const string Scenario = "AssemblyToProcess.NativeScenario.";

    [Fact]
    public void AllocHGlobal_ReAllocHGlobal_and_FreeHGlobal_are_recorded_with_sizes_and_the_variable()
    {
        var run = RecordedRun.Of(() => Assert.Equal(128, NativeScenario.HGlobalRoundTrip()));

        var events = run.In(Scenario + "HGlobalRoundTrip");
        Assert.Equal(
            new[] { EventKind.NativeAlloc, EventKind.NativeRealloc, EventKind.NativeAlloc, EventKind.NativeFree },
            events.Select(x => x.Event.Kind));
        Assert.Equal(64, events[0].Event.Value);
        Assert.Equal(128, events[2].Event.Value);
        Assert.Equal("block", events[0].Site.Name);
        Assert.Equal("Marshal.AllocHGlobal", events[0].Site.DeclaredType);
        Assert.Equal(events[2].Event.ObjectId, events[3].Event.ObjectId);
        Assert.Equal((long)FreeOutcome.Released, events[3].Event.Value);
    }

    [Fact]
    public void A_double_free_is_recorded_and_stopped_before_the_allocator()
    {
        // Without the shim, the second FreeCoTaskMem would corrupt the heap or abort the process.
        var run = RecordedRun.Of(NativeScenario.DoubleFree);

        var frees = run.In(Scenario + "DoubleFree", EventKind.NativeFree).Select(x => (FreeOutcome)x.Event.Value).ToList();
        Assert.Equal(new[] { FreeOutcome.Released, FreeOutcome.DoubleFree }, frees);
    }

    [Fact]
    public void NativeMemory_blocks_passed_to_zlib_are_recorded_with_the_call_and_its_pointer_argument()
    {
        uint crc = 0;
        var run = RecordedRun.Of(() => crc = NativeScenario.NativeMemoryAndZlib());

        Assert.Equal(0xECBB_4B55u, crc); // crc32 of 16 zero bytes, computed by the real libz
        var kinds = run.In(Scenario + "NativeMemoryAndZlib").Select(x => x.Event.Kind).ToList();
        Assert.Equal(new[]
        {
            EventKind.NativeAlloc, EventKind.PInvokeArg, EventKind.PInvokeEnter, EventKind.PInvokeExit,
            EventKind.NativeFree, EventKind.NativeAlloc, EventKind.NativeFree,
        }, kinds);
        var call = run.In(Scenario + "NativeMemoryAndZlib", EventKind.PInvokeEnter).Single();
        Assert.Equal("libz.so.1!crc32", call.Site.Name);
        var argument = run.In(Scenario + "NativeMemoryAndZlib", EventKind.PInvokeArg).Single();
        Assert.Equal(run.In(Scenario + "NativeMemoryAndZlib", EventKind.NativeAlloc).First().Event.ObjectId, argument.Event.ObjectId);
        Assert.Equal(1, PInvokeArgument.Index(argument.Event.Value));
    }

    [Fact]
    public void A_freed_block_passed_to_native_code_is_flagged_on_the_argument()
    {
        var run = RecordedRun.Of(() => NativeScenario.UseAfterFree());

        var argument = run.In(Scenario + "UseAfterFree", EventKind.PInvokeArg).Single();
        Assert.NotEqual(0, argument.Event.Value & PInvokeArgument.FreedPointer);
    }

    [Fact]
    public void A_LibraryImport_call_is_recorded_once_under_its_library_and_entry_point()
    {
        ulong bound = 0;
        var run = RecordedRun.Of(() => bound = NativeScenario.LibraryImportCall());

        Assert.True(bound > 1000);
        var call = run.In(Scenario + "LibraryImportCall", EventKind.PInvokeEnter).Single();
        Assert.Equal("libz.so.1!compressBound", call.Site.Name);
        Assert.Equal("LibraryImport", call.Site.DeclaredType);
        Assert.True(run.In(Scenario + "LibraryImportCall", EventKind.PInvokeExit).Single().Event.Value >= 0);
    }

    [Fact]
    public void A_libc_call_with_a_marshalled_string_records_the_string_block_and_its_free()
    {
        ulong length = 0;
        var run = RecordedRun.Of(() => length = NativeScenario.LibcCall());

        Assert.Equal(8ul, length);
        var kinds = run.In(Scenario + "LibcCall").Select(x => x.Event.Kind).ToList();
        Assert.Equal(new[] { EventKind.NativeAlloc, EventKind.PInvokeArg, EventKind.PInvokeEnter, EventKind.PInvokeExit, EventKind.NativeFree }, kinds);
        Assert.Equal((long)FreeOutcome.Released, run.In(Scenario + "LibcCall", EventKind.NativeFree).Single().Event.Value);
    }

    [Fact]
    public void GCHandle_and_ArrayPool_calls_are_recorded_through_their_shims()
    {
        var run = RecordedRun.Of(() => Assert.True(NativeScenario.PinAndPool() >= 100));

        var events = run.In(Scenario + "PinAndPool").Where(x => x.Event.Kind is >= EventKind.PinAlloc and <= EventKind.PoolReturn).ToList();
        Assert.Equal(new[] { EventKind.PinAlloc, EventKind.PinFree, EventKind.PoolRent, EventKind.PoolReturn }, events.Select(x => x.Event.Kind));
        Assert.Equal((long)System.Runtime.InteropServices.GCHandleType.Pinned, events[0].Event.Value);
        Assert.Equal(events[2].Event.ObjectId, events[3].Event.ObjectId);
        Assert.Equal("rented", events[2].Site.Name);
    }

    [Fact]
    public void An_exception_between_allocation_and_free_still_frees_through_the_shim()
    {
        var run = RecordedRun.Of(() => Assert.Throws<InvalidOperationException>(NativeScenario.ExceptionBetweenAllocationAndFree));

        var events = run.In(Scenario + "ExceptionBetweenAllocationAndFree").Select(x => x.Event.Kind).Where(k => k is EventKind.NativeAlloc or EventKind.NativeFree);
        Assert.Equal(new[] { EventKind.NativeAlloc, EventKind.NativeFree }, events);
    }
}
