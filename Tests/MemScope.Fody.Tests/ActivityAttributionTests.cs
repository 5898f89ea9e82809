using System.Linq;
using System.Threading.Tasks;
using AssemblyToProcess;
using MemScopeReports.Analysis;
using MemScopeReports.Analysis.Patterns;
using Xunit;
using MemScopeTrace.Model;

namespace MemScopeFodyTests;

public class ActivityAttributionTests
{
    [Fact]
    public async Task Allocations_are_attributed_to_the_Activity_they_ran_under_across_awaits_and_threads()
    {
        var run = await RecordedRun.OfAsync(() => Task.WhenAll(
            ActivityScenario.HandleRequestAsync("import orders", 5),
            ActivityScenario.HandleRequestAsync("export invoices", 3)));

        var recording = run.Recording;
        var patterns = PatternAnalysis.Analyze(recording, LifecycleAnalysis.Analyze(recording));
        var import = patterns.Activities.Single(a => a.Activity.OperationName == "import orders");
        var export = patterns.Activities.Single(a => a.Activity.OperationName == "export invoices");

        Assert.Equal(1 + 5, import.Objects); // the batch list and five arrays
        Assert.Equal(1 + 3, export.Objects);
        Assert.NotNull(import.Activity.TraceId);
        Assert.NotEqual(import.Activity.TraceId, export.Activity.TraceId);
    }
}
