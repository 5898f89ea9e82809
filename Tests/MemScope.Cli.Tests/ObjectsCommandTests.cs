using System.Linq;
using MemScopeCli.Commands;
using MemScopeReports.Analysis;
using MemScopeTrace.Format;
using Xunit;

namespace MemScope.Cli.Tests;

[Collection(SampleTracesCollection.Name)]
public sealed class ObjectsCommandTests(SampleTraces samples)
{
    [Fact]
    public void Objects_lists_every_tracked_object_of_the_trace_one_line_each()
    {
        var objects = ObjectTimelines.Build(TraceFile.Read(samples.Trace(samples.ComplexFolder)));

        var result = CliRun.InProcess("objects", samples.ComplexFolder);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(ObjectsCommand.Header, lines[0]);
        Assert.Equal(objects.Select(o => o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), lines.Skip(1).Select(l => l.Split('\t')[0]));
    }

    [Fact]
    public void Objects_with_type_and_site_keeps_only_the_objects_of_that_type_allocated_there()
    {
        var objects = ObjectTimelines.Build(TraceFile.Read(samples.Trace(samples.ComplexFolder)));
        var sample = objects.First(o => o.AllocSite?.File is not null);
        string type = sample.TypeName, site = sample.AllocSite!.Location;
        var expected = objects.Where(o => o.TypeName == type && o.AllocSite?.Location.Contains(site, System.StringComparison.Ordinal) == true).Select(o => o.Id).ToList();

        var result = CliRun.InProcess("objects", samples.ComplexFolder, "--type", type, "--site", site);

        Assert.Equal(0, result.ExitCode);
        var ids = result.Output.TrimEnd('\n').Split('\n').Skip(1).Select(l => long.Parse(l.Split('\t')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(expected, ids);
        Assert.NotEmpty(ids);
    }
}
