using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using MemScopeRuntime.Capture;
using Xunit;
using MemScopeTrace.Model;

namespace MemScopeRuntimeTests;

/// <summary>This test project is woven with TrackAll: its own code records, and every other test passes regardless.</summary>
public class SelfWeavingTests
{
    [Fact]
    public void The_runtime_tests_run_woven_so_their_own_locals_are_recorded()
    {
        var marker = new List<int> { 42 };

        var recording = MemScope.Snapshot();
        Assert.Contains("MemScope.Sites.json", typeof(SelfWeavingTests).Assembly.GetManifestResourceNames());
        Assert.Contains(recording.Events, e => e.Kind == EventKind.Bind && recording.Sites[e.Site] is { Name: "marker" } site &&
            site.Method == "MemScopeRuntimeTests.SelfWeavingTests.The_runtime_tests_run_woven_so_their_own_locals_are_recorded");
        Assert.Single(marker);
    }
}
