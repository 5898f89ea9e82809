using System.Linq;
using AssemblyToProcess;
using MemScopeRuntime;
using Xunit;

namespace MemScopeFodyTests;

/// <summary>The test assertions a user writes: BeginScope, AssertNoLeaks, Traffic, Checkpoint/Since.</summary>
public class LeakScopeTests
{
    [Fact]
    public void AssertNoLeaks_passes_when_everything_created_in_the_scope_was_released()
    {
        using var scope = MemScope.BeginScope();

        LeakScenario.Clean();

        scope.AssertNoLeaks();
    }

    [Fact]
    public void AssertNoLeaks_fails_with_every_leak_its_variable_type_and_line()
    {
        using var scope = MemScope.BeginScope();

        LeakScenario.Leaky();

        var error = Assert.Throws<MemScopeLeakException>(scope.AssertNoLeaks);
        Assert.Equal(2, error.Leaks.Count);
        Assert.Contains("undisposed: System.IO.MemoryStream", error.Message);
        Assert.Contains("in 'forgotten' created at", error.Message);
        Assert.Contains("LeakScenario.cs:23", error.Message);
        Assert.Contains("nativeBlock: Marshal.AllocHGlobal (24 bytes) in 'scratch'", error.Message);
        Assert.Contains("LeakScenario.cs:25", error.Message);
    }

    [Fact]
    public void Traffic_counts_the_objects_and_bytes_tracked_code_allocated_since_the_scope_began()
    {
        using var scope = MemScope.BeginScope();

        LeakScenario.Allocate(10, keep: false);

        var lists = scope.Traffic.For("System.Collections.Generic.List<int>");
        Assert.NotNull(lists);
        Assert.Equal(10, lists!.Objects);
        Assert.True(lists.Bytes >= 10 * 32, $"10 lists with room for 4 ints take more than {lists.Bytes} bytes");
    }

    [Fact]
    public void Since_a_checkpoint_tells_new_objects_that_survived_from_those_collected()
    {
        using var scope = MemScope.BeginScope();
        LeakScenario.Allocate(3, keep: true);
        var checkpoint = scope.Checkpoint();

        LeakScenario.Allocate(5, keep: false);
        LeakScenario.Allocate(2, keep: true);

        var difference = scope.Since(checkpoint);
        Assert.Equal(7, difference.NewObjects.Count);
        Assert.Equal(2, difference.Survived.Count);
        Assert.Equal(5, difference.Collected.Count);
        Assert.All(difference.NewObjects, o => Assert.Equal("item", o.FirstVariable));
    }
}
