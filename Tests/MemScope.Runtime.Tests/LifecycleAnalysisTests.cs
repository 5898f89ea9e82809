using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using MemScopeReports.Analysis;
using MemScopeReports.Analysis.Patterns;
using MemScopeRuntime.Identity;
using MemScopeRuntime.Capture;
using MemScopeTrace.Model;
using Xunit;

namespace MemScopeRuntimeTests;

/// <summary>Each leak and violation detector, driven by a hand-built event stream with a known answer.</summary>
public class LifecycleAnalysisTests
{
    private static SiteInfo At(int id, SiteKind kind, int line, string? name, string? type = null) =>
        new(id, kind, "App", "Program.Main", "Program.cs", line, 9, name, type);

    private static readonly SiteInfo NewStream = At(1, SiteKind.Alloc, 10, "stream", "System.IO.MemoryStream");
    private static readonly SiteInfo BindStream = At(2, SiteKind.Local, 10, "stream");
    private static readonly SiteInfo DisposeCall = At(3, SiteKind.Unknown, 14, "MemoryStream.Dispose");
    private static readonly SiteInfo ReadCall = At(4, SiteKind.Unknown, 16, "MemoryStream.ReadByte");
    private static readonly SiteInfo AllocBlock = At(5, SiteKind.Unknown, 20, "buffer", "Marshal.AllocHGlobal");
    private static readonly SiteInfo FreeBlock = At(6, SiteKind.Unknown, 22, null, "Marshal.FreeHGlobal");
    private static readonly SiteInfo FreeAgain = At(7, SiteKind.Unknown, 24, null, "Marshal.FreeHGlobal");
    private static readonly SiteInfo CallZlib = At(8, SiteKind.Unknown, 26, "libz.so.1!crc32", "DllImport");
    private static readonly SiteInfo FieldStore = At(9, SiteKind.Field, 30, "Cache._stream");
    private static readonly SiteInfo HandleSite = At(10, SiteKind.Alloc, 40, "handle", "FakeHandle");
    private static readonly SiteInfo ReleaseSite = At(11, SiteKind.Unknown, 42, "SafeHandle.DangerousRelease");
    private static readonly SiteInfo RentSite = At(12, SiteKind.Unknown, 50, "rented", "ArrayPool.Rent");
    private static readonly SiteInfo PinSite = At(13, SiteKind.Unknown, 60, "pin", "GCHandle.Alloc");

    private readonly List<RecordedEvent> _events = new();
    private long _clock = 1000;

    private void Add(EventKind kind, SiteInfo? site, long subject, long value = 0) =>
        _events.Add(new RecordedEvent(new TraceEvent(_clock++, kind, site?.Id ?? 0, subject, value), 1));

    private void Allocate(long id, Type type, SiteInfo site, long size = 64)
    {
        Add(EventKind.Alloc, site, id, new IdentityValue(TypeRegistry.IdOf(type), size, 1).Pack());
    }

    private LifecycleReport Analyze()
    {
        var sites = new SiteTable(new[] { NewStream, BindStream, DisposeCall, ReadCall, AllocBlock, FreeBlock, FreeAgain, CallZlib, FieldStore, HandleSite, ReleaseSite, RentSite, PinSite });
        var recording = new Recording(new RecordingData(_events.ToArray(), 0, new List<RecordedThread>()) { Types = TypeRegistry.Describe(_events.ToArray()) }, sites, 0, DateTimeOffset.UnixEpoch, 0);
        return LifecycleAnalysis.Analyze(recording);
    }

    [Fact]
    public void A_disposable_never_disposed_is_a_leak_named_by_its_variable_and_line()
    {
        Allocate(1, typeof(MemoryStream), NewStream);
        Add(EventKind.Bind, BindStream, 1);

        var leak = Assert.Single(Analyze().Leaks);
        Assert.Equal("undisposed", leak.Kind);
        Assert.Equal("stream", leak.Variable);
        Assert.Equal(10, leak.CreatedAt!.Line);
        Assert.Contains("still alive", leak.Reason);
    }

    [Fact]
    public void A_disposable_collected_without_Dispose_is_a_leak()
    {
        Allocate(1, typeof(MemoryStream), NewStream);
        Add(EventKind.Collected, null, 1);

        Assert.Equal("collected without Dispose", Assert.Single(Analyze().Leaks).Reason);
    }

    [Fact]
    public void A_disposed_disposable_is_not_a_leak_and_objects_that_are_not_disposable_never_are()
    {
        Allocate(1, typeof(MemoryStream), NewStream);
        Add(EventKind.Dispose, DisposeCall, 1);
        Allocate(2, typeof(List<int>), NewStream);

        Assert.Empty(Analyze().Leaks);
    }

    [Fact]
    public void A_disposable_only_passed_into_tracked_code_is_not_its_leak()
    {
        Add(EventKind.Identify, BindStream, 1, TypeRegistry.IdOf(typeof(MemoryStream)));
        Add(EventKind.Bind, BindStream, 1);

        Assert.Empty(Analyze().Leaks);
    }

    [Fact]
    public void Use_after_dispose_names_the_call_and_the_dispose()
    {
        Allocate(1, typeof(MemoryStream), NewStream);
        Add(EventKind.Bind, BindStream, 1);
        Add(EventKind.Dispose, DisposeCall, 1);
        Add(EventKind.UseAfterDispose, ReadCall, 1);

        var violation = Assert.Single(Analyze().Violations);
        Assert.Equal("useAfterDispose", violation.Kind);
        Assert.Same(ReadCall, violation.Site);
        Assert.Same(DisposeCall, violation.RelatedSite);
        Assert.Equal("stream", violation.Variable);
    }

    [Fact]
    public void A_second_Dispose_is_a_double_dispose_pointing_at_the_first()
    {
        Allocate(1, typeof(MemoryStream), NewStream);
        Add(EventKind.Dispose, DisposeCall, 1);
        Add(EventKind.DisposeAgain, ReadCall, 1);

        var violation = Assert.Single(Analyze().Violations);
        Assert.Equal("doubleDispose", violation.Kind);
        Assert.Same(DisposeCall, violation.RelatedSite);
    }

    [Fact]
    public void A_second_Dispose_is_a_warning_because_NET_requires_Dispose_to_be_harmless_when_called_again()
    {
        Allocate(1, typeof(MemoryStream), NewStream);
        Add(EventKind.Dispose, DisposeCall, 1);
        Add(EventKind.DisposeAgain, DisposeCall, 1);

        Assert.Equal(FindingSeverity.Warning, Assert.Single(Analyze().Violations).Severity);
    }

    [Theory]
    [InlineData(EventKind.UseAfterDispose, "useAfterDispose")]
    [InlineData(EventKind.HandleUseClosed, "useOfClosedHandle")]
    public void A_use_of_a_disposed_object_or_closed_handle_is_an_error(EventKind use, string kind)
    {
        Allocate(1, typeof(MemoryStream), NewStream);
        Add(EventKind.Dispose, DisposeCall, 1);
        Add(use, ReadCall, 1);

        var violation = Assert.Single(Analyze().Violations);
        Assert.Equal((kind, FindingSeverity.Error), (violation.Kind, violation.Severity));
    }

    [Fact]
    public void A_native_double_free_is_an_error()
    {
        Add(EventKind.NativeAlloc, AllocBlock, 0x1000, 128);
        Add(EventKind.NativeFree, FreeBlock, 0x1000, (long)FreeOutcome.Released);
        Add(EventKind.NativeFree, FreeAgain, 0x1000, (long)FreeOutcome.DoubleFree);

        Assert.Equal(FindingSeverity.Error, Assert.Single(Analyze().Violations).Severity);
    }

    [Fact]
    public void The_severity_table_in_the_README_is_the_one_the_analysis_uses()
    {
        var readme = File.ReadAllLines(Path.Combine(MemScopeTestShared.TestEnvironment.RepositoryRoot, "README.md"));
        var documented = readme
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"^\| .*\(`(\w+)`\) \| (error|warning) \|"))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

        Assert.Equal(
            ViolationKinds.All.OrderBy(k => k.Key).Select(k => (k.Key, k.Value.Name())),
            documented.OrderBy(k => k.Key).Select(k => (k.Key, k.Value)));
    }

    [Fact]
    public void A_native_block_never_freed_is_a_leak_with_its_size_and_variable()
    {
        Add(EventKind.NativeAlloc, AllocBlock, 0x1000, 128);

        var leak = Assert.Single(Analyze().Leaks);
        Assert.Equal(("nativeBlock", "buffer", 128L, 0x1000L), (leak.Kind, leak.Variable, leak.Size, leak.Subject));
    }

    [Fact]
    public void A_double_free_names_the_second_free_and_the_first()
    {
        Add(EventKind.NativeAlloc, AllocBlock, 0x1000, 128);
        Add(EventKind.NativeFree, FreeBlock, 0x1000, (long)FreeOutcome.Released);
        Add(EventKind.NativeFree, FreeAgain, 0x1000, (long)FreeOutcome.DoubleFree);

        var report = Analyze();
        Assert.Empty(report.Leaks);
        var violation = Assert.Single(report.Violations);
        Assert.Equal(("doubleFree", "buffer"), (violation.Kind, violation.Variable));
        Assert.Same(FreeAgain, violation.Site);
        Assert.Same(FreeBlock, violation.RelatedSite);
    }

    [Fact]
    public void A_free_of_a_pointer_tracked_code_never_allocated_is_a_warning()
    {
        Add(EventKind.NativeFree, FreeBlock, 0x2000, (long)FreeOutcome.Unknown);

        var violation = Assert.Single(Analyze().Violations);
        Assert.Equal(("freeOfUnknownPointer", FindingSeverity.Warning), (violation.Kind, violation.Severity));
    }

    [Fact]
    public void A_freed_block_passed_to_native_code_names_the_call_and_the_free()
    {
        Add(EventKind.NativeAlloc, AllocBlock, 0x1000, 16);
        Add(EventKind.NativeFree, FreeBlock, 0x1000, (long)FreeOutcome.Released);
        Add(EventKind.PInvokeArg, CallZlib, 0x1000, PInvokeArgument.Pack(1, PInvokeArgument.FreedPointer));

        var violation = Assert.Single(Analyze().Violations);
        Assert.Equal("freedPointerPassedToNative", violation.Kind);
        Assert.Same(CallZlib, violation.Site);
        Assert.Same(FreeBlock, violation.RelatedSite);
        Assert.Contains("libz.so.1!crc32", violation.Message);
    }

    [Fact]
    public void A_realloc_moves_the_block_and_only_the_new_address_can_leak()
    {
        Add(EventKind.NativeAlloc, AllocBlock, 0x1000, 16);
        Add(EventKind.NativeRealloc, AllocBlock, 0x1000, 0x3000);
        Add(EventKind.NativeAlloc, AllocBlock, 0x3000, 64);

        var report = Analyze();
        Assert.Equal(BlockStatus.Moved, report.NativeBlocks[0].Status);
        Assert.Equal(0x3000, Assert.Single(report.Leaks).Subject);
    }

    [Fact]
    public void An_undisposed_disposable_overwritten_in_a_field_is_a_leak_naming_the_field()
    {
        Allocate(1, typeof(MemoryStream), NewStream);
        Add(EventKind.Bind, FieldStore, 1);
        Allocate(2, typeof(MemoryStream), NewStream);
        Add(EventKind.Bind, FieldStore, 2, value: 1);
        Add(EventKind.Dispose, DisposeCall, 2);

        var leak = Assert.Single(Analyze().Leaks);
        Assert.Equal(("overwrittenUndisposed", 1L), (leak.Kind, leak.Subject));
        Assert.Contains("Cache._stream overwritten", leak.Reason);
    }

    [Fact]
    public void A_release_without_an_AddRef_takes_the_refcount_below_zero()
    {
        Allocate(1, typeof(SafeFileHandleStub), HandleSite);
        Add(EventKind.HandleOpen, HandleSite, 1, 42);
        Add(EventKind.HandleAddRef, ReleaseSite, 1);
        Add(EventKind.HandleRelease, ReleaseSite, 1);
        Add(EventKind.HandleRelease, ReleaseSite, 1);
        Add(EventKind.HandleClose, DisposeCall, 1);

        var report = Analyze();
        Assert.Equal("refcountBelowZero", Assert.Single(report.Violations).Kind);
        Assert.Equal(new[] { 0, 1, 0, -1, -1 }, report.Handles.Single().Steps.Select(s => s.Count));
        Assert.Empty(report.Leaks);
    }

    [Fact]
    public void An_open_handle_pool_array_and_GCHandle_are_each_a_leak()
    {
        Allocate(1, typeof(SafeFileHandleStub), HandleSite);
        Add(EventKind.Identify, RentSite, 2, TypeRegistry.IdOf(typeof(byte[])));
        Add(EventKind.PoolRent, RentSite, 2, 256);
        Add(EventKind.PinAlloc, PinSite, 0x77, (long)GCHandleType.Pinned);

        var kinds = Analyze().Leaks.Select(l => (l.Kind, l.Variable)).OrderBy(k => k.Kind).ToList();
        Assert.Equal(new[] { ("gcHandle", (string?)"pin"), ("poolArray", "rented"), ("safeHandle", "handle") }, kinds);
    }

    [Fact]
    public void A_pool_array_returned_without_a_rent_is_a_double_return()
    {
        Add(EventKind.PoolReturn, RentSite, 2, (long)FreeOutcome.Released);

        Assert.Equal("doubleReturn", Assert.Single(Analyze().Violations).Kind);
    }

    private sealed class SafeFileHandleStub : SafeHandle
    {
        public SafeFileHandleStub() : base(IntPtr.Zero, true)
        {
        }

        public override bool IsInvalid => true;

        protected override bool ReleaseHandle() => true;
    }
}
