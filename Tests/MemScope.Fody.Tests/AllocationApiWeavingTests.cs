using System;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using AssemblyToProcess;
using MemScopeRuntime.Identity;
using MemScopeRuntime.Capture;
using Xunit;
using MemScopeTrace.Model;

namespace MemScopeFodyTests;

/// <summary>Allocation APIs other than newobj and newarr, woven and run: each is one Alloc event with its exact size.</summary>
public class AllocationApiWeavingTests
{
    private const string Scenario = "AssemblyToProcess.AllocationApiScenario.";

    private static (RecordedEvent Event, MemScopeTrace.Model.SiteInfo Site) SingleAlloc(RecordedRun run, string method) =>
        run.In(Scenario + method, EventKind.Alloc).Single();

    private static long Size(RecordedEvent alloc) => IdentityValue.Unpack(alloc.Value).Size;

    [Fact]
    public void GC_AllocateArray_records_the_exact_array_size_and_the_variable()
    {
        var run = RecordedRun.Of(() => AllocationApiScenario.AllocateArray());

        var alloc = SingleAlloc(run, "AllocateArray");
        Assert.Equal(("int[]", "pinned"), (alloc.Site.DeclaredType, alloc.Site.Name));
        Assert.Equal(16 + 8 + 10 * 4, Size(alloc.Event));
    }

    [Fact]
    public void GC_AllocateUninitializedArray_records_the_exact_array_size()
    {
        var run = RecordedRun.Of(() => AllocationApiScenario.AllocateUninitializedArray());

        var alloc = SingleAlloc(run, "AllocateUninitializedArray");
        Assert.Equal(("byte[]", "buffer"), (alloc.Site.DeclaredType, alloc.Site.Name));
        Assert.Equal(16 + 8 + 4096, Size(alloc.Event));
    }

    [Fact]
    public void Array_CreateInstance_of_a_grid_records_its_runtime_type_and_the_bytes_the_GC_counts_for_it()
    {
        var run = RecordedRun.Of(() => AllocationApiScenario.CreateGrid());

        var alloc = SingleAlloc(run, "CreateGrid");
        Assert.Equal("grid", alloc.Site.Name);
        Assert.Equal("long[,]", run.TypeOf(alloc.Event.ObjectId));
        Assert.Equal(AllocatedBy(() => Array.CreateInstance(typeof(long), 3, 4)), Size(alloc.Event));
    }

    [Fact]
    public void Array_CreateInstance_of_structs_is_sized_with_the_struct_size()
    {
        var run = RecordedRun.Of(() => AllocationApiScenario.CreateStructArray());

        var alloc = SingleAlloc(run, "CreateStructArray");
        Assert.Equal(16 + 8 + 5 * 16, Size(alloc.Event));
        Assert.Equal(AllocatedBy(() => Array.CreateInstance(typeof(ValueTuple<long, int>), 5)), Size(alloc.Event));
    }

    [Fact]
    public void A_new_multidimensional_array_is_sized_with_its_bounds()
    {
        var run = RecordedRun.Of(() => AllocationApiScenario.NewGrid());

        var alloc = SingleAlloc(run, "NewGrid");
        Assert.Equal("long[,]", alloc.Site.DeclaredType);
        Assert.Equal(AllocatedBy(() => new long[2, 3]), Size(alloc.Event));
    }

    [Fact]
    public void Array_Clone_records_a_new_array_of_the_same_size()
    {
        var source = new int[] { 1, 2, 3 };
        int[]? copy = null;
        var run = RecordedRun.Of(() => copy = AllocationApiScenario.CloneArray(source));

        Assert.Equal(source, copy);
        var alloc = SingleAlloc(run, "CloneArray");
        Assert.Equal("copy", alloc.Site.Name);
        Assert.Equal(40, Size(alloc.Event)); // 16 + 8 + 3 * 4, rounded up to 8
    }

    [Fact]
    public void String_Create_records_the_exact_string_size()
    {
        string? text = null;
        var run = RecordedRun.Of(() => text = AllocationApiScenario.CreateString());

        Assert.Equal("xxxxxxxxxx", text);
        var alloc = SingleAlloc(run, "CreateString");
        Assert.Equal(("string", "text"), (alloc.Site.DeclaredType, alloc.Site.Name));
        Assert.Equal(48, Size(alloc.Event)); // 22 + 2 * 10, rounded up to 8
    }

    [Fact]
    public void A_string_constructor_is_an_allocation_site()
    {
        var run = RecordedRun.Of(() => AllocationApiScenario.NewString());

        Assert.Equal(40, Size(SingleAlloc(run, "NewString").Event)); // 22 + 2 * 7, rounded up to 8
    }

    [Fact]
    public void RuntimeHelpers_GetUninitializedObject_records_the_object_with_its_runtime_type_and_instance_size()
    {
        var run = RecordedRun.Of(() => AllocationApiScenario.Uninitialized());

        var alloc = SingleAlloc(run, "Uninitialized");
        Assert.Equal(("object", "ticket"), (alloc.Site.DeclaredType, alloc.Site.Name));
        Assert.Equal("AssemblyToProcess.Ticket", run.TypeOf(alloc.Event.ObjectId));
        Assert.Equal(AllocatedBy(() => RuntimeHelpers.GetUninitializedObject(typeof(Ticket))), Size(alloc.Event));
    }

    [Fact]
    public void Activator_CreateInstance_of_T_records_the_object()
    {
        var run = RecordedRun.Of(() => AllocationApiScenario.ActivatorGeneric());

        var alloc = SingleAlloc(run, "ActivatorGeneric");
        Assert.Equal("AssemblyToProcess.Ticket", alloc.Site.DeclaredType);
        Assert.Equal("AssemblyToProcess.Ticket", run.TypeOf(alloc.Event.ObjectId));
    }

    [Fact]
    public void Activator_CreateInstance_of_a_Type_records_the_object()
    {
        var run = RecordedRun.Of(() => AllocationApiScenario.ActivatorOfType());

        Assert.Equal("AssemblyToProcess.Ticket", run.TypeOf(SingleAlloc(run, "ActivatorOfType").Event.ObjectId));
    }

    [Fact]
    public void New_T_is_an_allocation_when_T_is_a_class_and_none_when_it_is_a_struct()
    {
        var run = RecordedRun.Of(() =>
        {
            Assert.Equal(0, AllocationApiScenario.Make<int>());
            Assert.NotNull(AllocationApiScenario.Make<Ticket>());
        });

        var alloc = SingleAlloc(run, "Make");
        Assert.Equal("AssemblyToProcess.Ticket", run.TypeOf(alloc.Event.ObjectId));
    }

    [Fact]
    public void A_clone_made_in_untracked_code_gets_an_id_of_its_own()
    {
        (Sheep Original, Sheep Clone) sheep = default;
        var run = RecordedRun.Of(() => sheep = AllocationApiScenario.CloneUntracked());

        Assert.Equal("Dolly", sheep.Clone!.Name);
        var binds = run.In(Scenario + "CloneUntracked", EventKind.Bind).Where(x => x.Site.Name is "dolly" or "copy")
            .ToDictionary(x => x.Site.Name!, x => x.Event.ObjectId);
        Assert.True(binds["dolly"] > 0 && binds["copy"] > 0);
        Assert.NotEqual(binds["dolly"], binds["copy"]);
    }

    [Fact]
    public void MemberwiseClone_in_tracked_code_records_a_new_object_with_a_fresh_id()
    {
        (TrackedSheep Original, TrackedSheep Clone) sheep = default;
        var run = RecordedRun.Of(() => sheep = AllocationApiScenario.CloneTracked());

        long original = run.In(Scenario + "CloneTracked", EventKind.Alloc).Single().Event.ObjectId;
        var clone = run.In("AssemblyToProcess.TrackedSheep.Copy", EventKind.Alloc).Single();
        Assert.NotEqual(original, clone.Event.ObjectId);
        Assert.Equal("AssemblyToProcess.TrackedSheep", run.TypeOf(clone.Event.ObjectId));
        Assert.Equal(clone.Event.ObjectId, run.In(Scenario + "CloneTracked", EventKind.Bind).Single(x => x.Site.Name == "copy").Event.ObjectId);
        Assert.NotSame(sheep.Original, sheep.Clone);
    }

    [Theory]
    [InlineData(typeof(Sheep))]
    [InlineData(typeof(TrackedSheep))]
    public void A_class_that_clones_itself_gets_no_id_field_so_reflection_sees_the_fields_it_declares(Type type)
    {
        var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);

        Assert.DoesNotContain(fields, f => f.Name == "<MemScope>Id");
        Assert.DoesNotContain(typeof(MemScopeRuntime.ITrackedObject), type.GetInterfaces());
    }

    [Fact]
    public void A_clone_made_in_tracked_code_equals_its_original_field_by_field_through_reflection()
    {
        (TrackedSheep Original, TrackedSheep Clone) sheep = default;
        var run = RecordedRun.Of(() => sheep = AllocationApiScenario.CloneTracked());

        // A clone test that compares every field, private ones included, as libraries' own test suites do.
        foreach (var field in typeof(TrackedSheep).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            Assert.Equal(field.GetValue(sheep.Original), field.GetValue(sheep.Clone));
        var clone = run.In("AssemblyToProcess.TrackedSheep.Copy", EventKind.Alloc).Single();
        Assert.True(clone.Event.ObjectId > 0);
    }

    /// <summary>The bytes the GC counts for one allocation made by <paramref name="allocate"/> on this thread.</summary>
    private static long AllocatedBy(Func<object> allocate)
    {
        allocate(); // warm up: the first call may allocate for the runtime's own caches
        long before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(allocate());
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
