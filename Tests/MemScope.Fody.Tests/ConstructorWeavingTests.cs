using System.Linq;
using AssemblyToProcess;
using MemScopeRuntime.Capture;
using Xunit;
using MemScopeTrace.Model;

namespace MemScopeFodyTests;

public class ConstructorWeavingTests
{
    [Fact]
    public void Chained_constructors_bind_their_locals_and_fields_and_end_each_scope()
    {
        Chained? chained = null;
        var run = RecordedRun.Of(() => chained = new Chained());

        Assert.Equal(1, chained!.Count);
        Assert.Equal("chained to 1", chained.Note);
        const string ctor = "AssemblyToProcess.Chained.ctor";
        // The property initializer runs in the constructor that calls base, before its body; Note = note is set_Note's store.
        Assert.Equal(new[] { "Chained.Note", "copy", "Chained._names", "note" }, run.BoundNames(ctor));
        Assert.Equal(new[] { "copy", "note" }, run.ScopeEndedNames(ctor).OrderBy(n => n));
    }

    [Fact]
    public void The_argument_allocated_for_a_chained_constructor_is_recorded()
    {
        var run = RecordedRun.Of(() => new Chained());

        Assert.Contains("System.Collections.Generic.List<string>", run.AllocatedTypes("AssemblyToProcess.Chained.ctor"));
    }

    [Fact]
    public void A_static_constructor_binds_its_local_and_the_static_field()
    {
        // The type initializer runs at most once per process: record it, then read the events whenever they happened.
        Assert.Equal(1, StaticInit.Get("one"));
        var recording = MemScope.Snapshot();

        var names = recording.Events.Where(e => e.Kind == EventKind.Bind)
            .Select(e => recording.Sites[e.Site])
            .Where(s => s is not null && s.Method == "AssemblyToProcess.StaticInit.cctor")
            .Select(s => s!.Name)
            .ToList();
        Assert.Equal(new[] { "table", "StaticInit.Table" }, names);
    }
}
