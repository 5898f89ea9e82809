using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using MemScopeCli;
using Xunit;

namespace MemScope.Cli.Tests;

/// <summary>
/// Names in a trace come from whoever made the file. Printed raw, ESC sequences retitle or clear the terminal,
/// CR overwrites a line, a newline forges a line of a CI log: every verb prints them escaped.
/// </summary>
[Collection(SampleTracesCollection.Name)]
public sealed class TerminalEscapingTests(SampleTraces samples)
{
    private const string Hostile = "\u001b]0;owned\u0007\u001b[2J\rx\ny\u202e\u0085";

    [Fact]
    public void Escape_shows_each_control_character_as_a_visible_escape_and_keeps_other_text()
    {
        Assert.Equal(@"\x1B]0;owned\x07\x1B[2J\rx\ny\u202E\u0085", TerminalText.Escape(Hostile));
        Assert.Equal("List<Dictionary<string, int[]>> C:\\src\\Ünïcode.cs:12", TerminalText.Escape("List<Dictionary<string, int[]>> C:\\src\\Ünïcode.cs:12"));
        Assert.Equal(@"a\tb\x7F", TerminalText.Escape("a\tb\u007f"));
    }

    [Fact]
    public void Every_verb_prints_names_paths_and_file_names_from_a_trace_escaped()
    {
        // Every site of UnsafeFfiDemo gets a hostile variable, method, type and file, and the trace a hostile file name.
        var image = TraceImage.Read(samples.Trace(samples.UnsafeFfiFolder));
        var sites = JsonNode.Parse(image.Block(TraceImage.Sites).Payload)!.AsArray();
        foreach (var site in sites)
        {
            site!["name"] = "var" + Hostile;
            site["method"] = "Program.Main" + Hostile;
            site["type"] = "Type" + Hostile;
            site["file"] = "/src/" + Hostile + "/Program.cs";
        }
        image.Block(TraceImage.Sites).Payload = Encoding.UTF8.GetBytes(sites.ToJsonString());
        string folder = samples.NewFolder();
        string hostileFileName = Hostile.Replace("/", "");
        string trace = Path.Combine(folder, "run" + hostileFileName + ".mscope");
        File.WriteAllBytes(trace, image.ToBytes());

        var runs = new[]
        {
            CliRun.InProcess("summary", trace),
            CliRun.InProcess("check", trace),
            CliRun.InProcess("diff", samples.OwnershipFolder, trace),
            CliRun.InProcess("html", trace, "-o", Path.Combine(folder, "page" + hostileFileName + ".html")),
            CliRun.InProcess("report", trace, "-o", Path.Combine(folder, "out"), "--format", "json"),
            CliRun.InProcess("summary", trace + ".missing"),
        };

        foreach (var run in runs)
        {
            string printed = run.Output + run.Error;
            Assert.Null(HostileTraceTests.ControlCharacter(printed));
            Assert.Contains(@"\x1B]0;owned\x07", printed);
        }
        // The leak's row still names its (escaped) variable: escaping keeps the information.
        Assert.Contains(runs[0].Output.Split('\n'), l => l.Contains("nativeBlock") && l.Contains(@"var\x1B]0;owned\x07\x1B[2J\rx\ny"));
    }
}
