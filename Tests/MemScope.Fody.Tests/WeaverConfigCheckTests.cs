using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Fody;
using MemScopeRuntime.Capture;
using Xunit;
using MemScopeTrace.Model;

namespace MemScopeFodyTests;

/// <summary>Configuration mistakes that are valid XML but cannot be meant: build warnings and errors that name them.</summary>
public class WeaverConfigCheckTests
{
    private static TestResult Weave(string config, string name, string? projectDirectory = null) =>
        new ModuleWeaver { Config = XElement.Parse(config), ProjectDirectoryPath = projectDirectory! }.ExecuteTestRun(
            Path.Combine(AppContext.BaseDirectory, "AssemblyWithWarnings.dll"),
            runPeVerify: false,
            assemblyName: "AssemblyWithWarnings." + name);

    /// <summary>Runs Plain.Run of the woven assembly; returns the allocations it recorded.</summary>
    private static int AllocationsOfRun(TestResult result)
    {
        long start = MemScopeRuntime.Capture.CoarseClock.Sync();
        var run = result.Assembly.GetType("AssemblyWithWarnings.Plain")!.GetMethod("Run")!;
        Assert.Equal(2, run.Invoke(null, null));
        var recording = MemScope.Snapshot();
        return recording.Events.Count(e => e.Timestamp >= start && e.Kind == EventKind.Alloc && recording.Sites[e.Site]?.Method == "AssemblyWithWarnings.Plain.Run");
    }

    [Fact]
    public void An_IncludeNamespaces_entry_that_matches_no_type_is_a_warning_naming_it_and_the_real_namespaces()
    {
        var result = Weave("<MemScope TrackAll='true' IncludeNamespaces='AssemblyWithWarnigs' />", "IncludeTypo");

        var warning = Assert.Single(result.Warnings, w => w.Text.Contains("IncludeNamespaces"));
        Assert.Contains("'AssemblyWithWarnigs'", warning.Text);
        Assert.Contains("matches no type", warning.Text);
        Assert.Contains("AssemblyWithWarnings", warning.Text.Replace("'AssemblyWithWarnigs'", ""));
        Assert.Empty(result.Errors);
        Assert.Equal(0, AllocationsOfRun(result)); // the typo wove nothing: the warning is the only sign
    }

    [Fact]
    public void A_namespace_filter_that_matches_is_not_warned_about_and_weaves_its_types()
    {
        var result = Weave("<MemScope TrackAll='true' IncludeNamespaces='AssemblyWithWarnings' ExcludeNamespaces='AssemblyWithWarnings.Generated|Elsewhere' />", "Matching");

        Assert.DoesNotContain(result.Warnings, w => w.Text.Contains("IncludeNamespaces"));
        Assert.Contains(result.Warnings, w => w.Text.Contains("ExcludeNamespaces") && w.Text.Contains("'AssemblyWithWarnings.Generated'"));
        Assert.Contains(result.Warnings, w => w.Text.Contains("ExcludeNamespaces") && w.Text.Contains("'Elsewhere'"));
        Assert.Equal(1, AllocationsOfRun(result));
    }

    [Fact]
    public void IncludeNamespaces_without_TrackAll_is_a_warning_that_it_has_no_effect()
    {
        var result = Weave("<MemScope IncludeNamespaces='AssemblyWithWarnings' />", "NoTrackAll");

        Assert.Contains(result.Warnings, w => w.Text.Contains("has no effect") && w.Text.Contains("TrackAll"));
        Assert.Equal(0, AllocationsOfRun(result));
    }

    [Fact]
    public void A_repeated_MemScope_element_in_FodyWeavers_xml_is_an_error_naming_the_file()
    {
        string project = Directory.CreateTempSubdirectory("memscope-repeated-").FullName;
        File.WriteAllText(Path.Combine(project, "FodyWeavers.xml"), "<Weavers><MemScope TrackLocals='false' /><MemScope TrackAll='true' /></Weavers>");

        var error = Assert.Throws<WeavingException>(() => Weave("<MemScope TrackAll='true' />", "Repeated", project));

        Assert.Contains("<MemScope> appears 2 times", error.Message);
        Assert.Contains(Path.Combine(project, "FodyWeavers.xml"), error.Message);
    }

    [Fact]
    public void One_MemScope_element_in_FodyWeavers_xml_is_fine()
    {
        string project = Directory.CreateTempSubdirectory("memscope-single-").FullName;
        File.WriteAllText(Path.Combine(project, "FodyWeavers.xml"), "<Weavers><MemScope TrackAll='true' /></Weavers>");

        var result = Weave("<MemScope TrackAll='true' />", "Single", project);

        Assert.Empty(result.Errors);
        Assert.Equal(1, AllocationsOfRun(result));
    }
}
