using System.Linq;
using System.Reflection;
using AssemblyToProcess;
using MemScopeRuntime;
using MemScopeRuntime.Identity;
using MemScopeRuntime.Capture;
using Xunit;
using MemScopeTrace.Model;

namespace MemScopeFodyTests;

public class IdentitySlotTests
{
    private const BindingFlags DeclaredInstance = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.NonPublic;

    [Fact]
    public void A_class_that_tracked_code_allocates_carries_its_id_in_an_injected_field()
    {
        var run = RecordedRun.Of(() => IdentityScenario.MakeShapes());

        var made = IdentityScenario.MakeShapes();
        Assert.All(made, o => Assert.IsAssignableFrom<ITrackedObject>(o));
        var allocs = run.In("AssemblyToProcess.IdentityScenario.MakeShapes", EventKind.Alloc).Where(x => x.Site.DeclaredType != "System.Collections.Generic.List<object>").ToList();
        Assert.Equal(4, allocs.Count);
        Assert.All(allocs, a => Assert.True(a.Event.ObjectId > 0));
        Assert.Equal(4, allocs.Select(a => a.Event.ObjectId).Distinct().Count());
    }

    [Fact]
    public void The_allocation_event_names_the_id_the_object_carries()
    {
        Shape? shape = null;
        var run = RecordedRun.Of(() => shape = (Shape)IdentityScenario.MakeShapes()[1]);

        long carried = ((ITrackedObject)shape!).MemScopeId();
        var circle = run.In("AssemblyToProcess.IdentityScenario.MakeShapes", EventKind.Alloc).Single(x => x.Site.DeclaredType == "AssemblyToProcess.Circle");
        Assert.Equal(carried, circle.Event.ObjectId);
        Assert.Equal("AssemblyToProcess.Circle", run.TypeOf(carried));
    }

    [Fact]
    public void A_derived_class_shares_the_slot_of_its_topmost_in_module_base()
    {
        Assert.NotNull(typeof(Shape).GetField("<MemScope>Id", DeclaredInstance));
        Assert.Null(typeof(Circle).GetField("<MemScope>Id", DeclaredInstance));
        Assert.Contains(typeof(ITrackedObject), typeof(Shape).GetInterfaces());
    }

    [Fact]
    public void A_generic_class_gets_one_slot_that_works_for_every_instantiation()
    {
        var made = IdentityScenario.MakeShapes();

        long ofInt = ((ITrackedObject)made[2]).MemScopeId();
        long ofString = ((ITrackedObject)made[3]).MemScopeId();
        Assert.True(ofInt > 0 && ofString > 0 && ofInt != ofString);
    }

    [Fact]
    public void A_bind_of_an_allocated_object_records_the_same_id_without_a_second_identification()
    {
        Shape? shape = null;
        var run = RecordedRun.Of(() => shape = IdentityScenario.Keep((Shape)IdentityScenario.MakeShapes()[0]));

        long id = ((ITrackedObject)shape!).MemScopeId();
        var bind = run.In("AssemblyToProcess.IdentityScenario.Keep", EventKind.Bind).Single(x => x.Site.Name == "kept");
        Assert.Equal(id, bind.Event.ObjectId);
        Assert.DoesNotContain(run.Recording.Events, e => e.Kind == EventKind.Identify && e.ObjectId == id);
    }

    [Fact]
    public void The_allocation_event_sizes_a_fixed_size_class_by_its_instance_size()
    {
        var run = RecordedRun.Of(() => IdentityScenario.MakeShapes());

        var circle = run.In("AssemblyToProcess.IdentityScenario.MakeShapes", EventKind.Alloc).Single(x => x.Site.DeclaredType == "AssemblyToProcess.Circle");
        // header + method table + the injected id + the radius
        Assert.Equal(32, IdentityValue.Unpack(circle.Event.Value).Size);
    }
}
