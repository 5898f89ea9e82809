using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using MemScopeReports.Analysis;
using MemScopeRuntime.Identity;
using MemScopeTrace.Model;
using Xunit;

namespace MemScopeRuntimeTests;

/// <summary>The story the analysis keeps of each native block, GCHandle and pooled array, and what leaks and violations point to.</summary>
public class ResourceStepsTests
{
    private static SiteInfo At(int id, int line, string? name, string? api) => new(id, SiteKind.Native, "App", "Program.Main", "Program.cs", line, 9, name, api);

    private static readonly SiteInfo Alloc = At(1, 20, "buffer", "Marshal.AllocHGlobal");
    private static readonly SiteInfo Free = At(2, 22, null, "Marshal.FreeHGlobal");
    private static readonly SiteInfo FreeAgain = At(3, 24, null, "Marshal.FreeHGlobal");
    private static readonly SiteInfo Crc32 = new(4, SiteKind.PInvoke, "App", "Program.Main", "Program.cs", 26, 9, "libz.so.1!crc32", "LibraryImport");
    private static readonly SiteInfo Rent = At(5, 50, "rented", "ArrayPool.Rent");
    private static readonly SiteInfo Return = At(6, 52, null, "ArrayPool.Return");
    private static readonly SiteInfo ReturnAgain = At(7, 54, null, "ArrayPool.Return");
    private static readonly SiteInfo Pin = At(8, 60, "pin", "GCHandle.Alloc");
    private static readonly SiteInfo Unpin = At(9, 62, null, "GCHandle.Free");

    private readonly List<RecordedEvent> _events = new();
    private long _clock = 1000;

    private void Add(EventKind kind, SiteInfo? site, long subject, long value = 0) =>
        _events.Add(new RecordedEvent(new TraceEvent(_clock++, kind, site?.Id ?? 0, subject, value), 1));

    private LifecycleReport Analyze()
    {
        var sites = new SiteTable(new[] { Alloc, Free, FreeAgain, Crc32, Rent, Return, ReturnAgain, Pin, Unpin });
        var recording = new Recording(new RecordingData(_events.ToArray(), 0, new List<RecordedThread>()) { Types = TypeRegistry.Describe(_events.ToArray()) }, sites, 0, DateTimeOffset.UnixEpoch, 0);
        return LifecycleAnalysis.Analyze(recording);
    }

    private static long Passed(int argument, long flags = 0) => PInvokeArgument.Pack(argument, flags);

    [Fact]
    public void A_block_keeps_its_allocation_its_calls_its_free_the_stopped_double_free_and_the_call_after_the_free()
    {
        Add(EventKind.NativeAlloc, Alloc, 0x1000, 128);
        Add(EventKind.PInvokeArg, Crc32, 0x1000, Passed(1));
        Add(EventKind.NativeFree, Free, 0x1000, (long)FreeOutcome.Released);
        Add(EventKind.NativeFree, FreeAgain, 0x1000, (long)FreeOutcome.DoubleFree);
        Add(EventKind.PInvokeArg, Crc32, 0x1000, Passed(1, PInvokeArgument.FreedPointer));

        var report = Analyze();
        var block = Assert.Single(report.NativeBlocks);

        Assert.Equal(
            [ResourceStepKind.Acquired, ResourceStepKind.PassedToNative, ResourceStepKind.Released, ResourceStepKind.ReleasedAgain, ResourceStepKind.PassedAfterRelease],
            block.Steps.Select(s => s.Kind));
        Assert.Equal([Alloc, Crc32, Free, FreeAgain, Crc32], block.Steps.Select(s => s.Site));
        Assert.Equal(1, block.Steps[1].Value);
        Assert.Equal(["doubleFree", "freedPointerPassedToNative"], report.Violations.Select(v => v.Kind));
        Assert.All(report.Violations, v => Assert.Same(block, v.Resource));
        Assert.Empty(report.Leaks);
    }

    [Fact]
    public void A_leaked_block_is_the_leaks_resource()
    {
        Add(EventKind.NativeAlloc, Alloc, 0x1000, 128);

        var report = Analyze();

        Assert.Same(Assert.Single(report.NativeBlocks), Assert.Single(report.Leaks).Resource);
    }

    [Fact]
    public void A_freed_address_reused_by_a_new_block_belongs_to_the_new_block()
    {
        Add(EventKind.NativeAlloc, Alloc, 0x1000, 48);
        Add(EventKind.NativeFree, Free, 0x1000, (long)FreeOutcome.Released);
        Add(EventKind.NativeAlloc, Alloc, 0x1000, 49);
        Add(EventKind.PInvokeArg, Crc32, 0x1000, Passed(2));
        Add(EventKind.NativeFree, Free, 0x1000, (long)FreeOutcome.Released);
        Add(EventKind.PInvokeArg, Crc32, 0x1000, Passed(1, PInvokeArgument.FreedPointer));

        var report = Analyze();
        var (first, second) = (report.NativeBlocks[0], report.NativeBlocks[1]);

        Assert.Equal([ResourceStepKind.Acquired, ResourceStepKind.Released], first.Steps.Select(s => s.Kind));
        Assert.Equal([ResourceStepKind.Acquired, ResourceStepKind.PassedToNative, ResourceStepKind.Released, ResourceStepKind.PassedAfterRelease], second.Steps.Select(s => s.Kind));
        Assert.Same(second, Assert.Single(report.Violations).Resource);
    }

    [Fact]
    public void A_reallocated_block_records_where_it_moved()
    {
        Add(EventKind.NativeAlloc, Alloc, 0x1000, 16);
        Add(EventKind.NativeRealloc, Alloc, 0x1000, 0x3000);

        var moved = Analyze().NativeBlocks[0];

        Assert.Equal((ResourceStepKind.Moved, 0x3000L), (moved.Steps[^1].Kind, moved.Steps[^1].Value));
    }

    [Fact]
    public void A_pooled_array_returned_twice_names_its_first_return_and_a_new_rent_starts_a_new_story()
    {
        Add(EventKind.PoolRent, Rent, 2, 256);
        Add(EventKind.PoolReturn, Return, 2, (long)FreeOutcome.Released);
        Add(EventKind.PoolReturn, ReturnAgain, 2, (long)FreeOutcome.Released);
        Add(EventKind.PoolRent, Rent, 2, 256);
        Add(EventKind.PoolReturn, Return, 2, (long)FreeOutcome.Released);

        var report = Analyze();
        var violation = Assert.Single(report.Violations);

        Assert.Equal(2, report.PoolRents.Count);
        Assert.Equal([ResourceStepKind.Acquired, ResourceStepKind.Released, ResourceStepKind.ReleasedAgain], report.PoolRents[0].Steps.Select(s => s.Kind));
        Assert.Equal([ResourceStepKind.Acquired, ResourceStepKind.Released], report.PoolRents[1].Steps.Select(s => s.Kind));
        Assert.Equal("doubleReturn", violation.Kind);
        Assert.Same(report.PoolRents[0], violation.Resource);
        Assert.Same(Return, violation.RelatedSite);
        Assert.Equal("rented", violation.Variable);
    }

    [Fact]
    public void A_GCHandle_freed_twice_keeps_both_frees()
    {
        Add(EventKind.PinAlloc, Pin, 0x77, (long)GCHandleType.Pinned);
        Add(EventKind.PinFree, Unpin, 0x77, (long)FreeOutcome.Released);
        Add(EventKind.PinFree, Unpin, 0x77, (long)FreeOutcome.DoubleFree);

        var report = Analyze();
        var handle = Assert.Single(report.GcHandles);

        Assert.Equal([ResourceStepKind.Acquired, ResourceStepKind.Released, ResourceStepKind.ReleasedAgain], handle.Steps.Select(s => s.Kind));
        Assert.Same(handle, Assert.Single(report.Violations).Resource);
    }

    [Fact]
    public void Calls_on_a_live_block_beyond_the_first_two_hundred_are_counted_not_kept_but_a_call_after_the_free_always_is()
    {
        Add(EventKind.NativeAlloc, Alloc, 0x1000, 16);
        for (int i = 0; i < NativeResource.MaxCallsKept + 50; i++)
            Add(EventKind.PInvokeArg, Crc32, 0x1000, Passed(1));
        Add(EventKind.NativeFree, Free, 0x1000, (long)FreeOutcome.Released);
        Add(EventKind.PInvokeArg, Crc32, 0x1000, Passed(1, PInvokeArgument.FreedPointer));

        var block = Analyze().NativeBlocks[0];

        Assert.Equal(NativeResource.MaxCallsKept, block.Steps.Count(s => s.Kind == ResourceStepKind.PassedToNative));
        Assert.Equal(50, block.CallsNotKept);
        Assert.Equal(ResourceStepKind.PassedAfterRelease, block.Steps[^1].Kind);
    }

    [Fact]
    public void A_SafeHandle_passed_to_native_code_is_listed_with_its_call_and_whether_it_was_closed()
    {
        Add(EventKind.PInvokeArg, Crc32, 5, Passed(0, PInvokeArgument.IsHandle));
        Add(EventKind.PInvokeArg, Crc32, 5, Passed(0, PInvokeArgument.IsHandle | PInvokeArgument.ClosedHandle));

        var arguments = Analyze().HandleArguments;

        Assert.Equal([(5L, false), (5L, true)], arguments.Select(a => (a.ObjectId, a.AfterClose)));
        Assert.All(arguments, a => Assert.Same(Crc32, a.Call));
    }
}
