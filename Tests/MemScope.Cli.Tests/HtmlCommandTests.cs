using System.IO;
using System.Linq;
using System.Text.Json;
using MemScopeReports.Analysis;
using MemScopeTrace.Format;
using Xunit;

namespace MemScope.Cli.Tests;

[Collection(SampleTracesCollection.Name)]
public sealed class HtmlCommandTests(SampleTraces samples)
{
    [Fact]
    public void Html_writes_one_offline_dashboard_without_any_http_or_https_url()
    {
        string file = Path.Combine(samples.NewFolder(), "page.html");

        var result = CliRun.InProcess("html", samples.UnsafeFfiFolder, "-o", file);

        Assert.Equal(0, result.ExitCode);
        string page = File.ReadAllText(file);
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.DoesNotContain("http://", page);
        Assert.DoesNotContain("https://", page);
        Assert.Contains("<script type=\"application/json\" id=\"memscope-data\">", page);
        Assert.Contains("default-src 'none'", page);
        Assert.Contains("requestHeader", page);
    }

    [Fact]
    public void Html_escapes_every_generic_type_name_from_the_trace()
    {
        string file = Path.Combine(samples.NewFolder(), "page.html");
        CliRun.InProcess("html", samples.ComplexFolder, "-o", file);
        string page = File.ReadAllText(file);

        var generics = ObjectTimelines.Build(TraceFile.Read(samples.Trace(samples.ComplexFolder)))
            .Select(o => o.TypeName).Where(n => n.Contains('<')).Distinct().ToList();

        Assert.NotEmpty(generics);
        foreach (var name in generics)
        {
            Assert.DoesNotContain(name, page);
            // The dashboard embeds names as JSON with '<' and '>' escaped (\u003C, \u003E), so no name is ever markup.
            Assert.Contains(JsonEncodedText.Encode(name).ToString(), page);
        }
    }

    [Fact]
    public void Html_without_output_writes_dashboard_html_into_the_folder()
    {
        string folder = samples.NewFolder();
        File.Copy(samples.Trace(samples.OwnershipFolder), Path.Combine(folder, "ownership_demo.mscope"));

        var result = CliRun.InProcess("html", folder);

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(folder, "dashboard.html")));
    }
}
