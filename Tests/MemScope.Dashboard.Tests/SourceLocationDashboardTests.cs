using System.IO;
using System.Threading.Tasks;
using MemScopeReports.Export.Dashboard;
using MemScopeTrace.Model;
using Microsoft.Playwright;
using Xunit;

namespace MemScope.Dashboard.Tests;

/// <summary>Source locations: relative to the sources' common folder, the line never cut off, linked to the chosen editor, markup never run.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SourceLocationDashboardTests(BrowserFixture browser)
{
    private const string Root = "/home/dev/app/src/";
    private const string Deep = Root + "Orders/Export/Formats/Csv/Streaming/Internal/Buffers/Pooled/";
    private const string File = Deep + "OrderExportStream.cs";

    /// <summary>An undisposed stream allocated on line 42 of a deeply nested file (a leak), and an item in Program.cs.</summary>
    private static Recording Leak(string file = File, string other = Root + "Program.cs")
    {
        var b = new RecordingBuilder();
        var alloc = b.Site(SiteKind.Alloc, 42, "exportStream", file, "App.Orders.OrderService.Export");
        var local = b.Site(SiteKind.Local, 42, "exportStream", file, "App.Orders.OrderService.Export");
        b.Allocate(1, b.Type("App.Orders.ExportStream", disposable: true), alloc, 64);
        b.Add(EventKind.Bind, local, 1);
        b.Allocate(2, b.Type("App.Item"), b.Site(SiteKind.Alloc, 7, "item", other, "App.Program.Main"), 24);
        return b.Build();
    }

    private static async Task<DashboardPage> OpenLeakAsync(IBrowser browser, string path, int width = 1366)
    {
        var dashboard = await DashboardPage.OpenAsync(browser, path, width: width);
        await dashboard.ShowAsync("Leaks");
        await dashboard.Page.Locator("section.view[data-view=Leaks] .vt-row").First.ClickAsync();
        await Assertions.Expect(dashboard.Page.Locator("#drill")).ToBeVisibleAsync();
        return dashboard;
    }

    [Fact]
    public async Task A_location_is_shown_relative_to_the_sources_folder_and_a_narrow_column_cuts_the_folder_never_the_line()
    {
        await using var dashboard = await OpenLeakAsync(browser.Browser, Dashboards.Write(Leak(), "paths"), width: 900);
        var page = dashboard.Page;
        Assert.Contains("OrderExportStream.cs:42", await page.Locator("#drill .alloc-site").InnerTextAsync());
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#drill")).ToBeHiddenAsync();
        var cell = page.Locator("section.view[data-view=Leaks] .vt-row .loc").First;

        Assert.Equal("Orders/Export/Formats/Csv/Streaming/Internal/Buffers/Pooled/OrderExportStream.cs:42", await cell.TextContentAsync());
        Assert.Contains(File + ":42", await cell.GetAttributeAsync("title"));
        // The file name and line are whole and inside the cell; the folder is what gave way.
        var fit = await cell.EvaluateAsync<bool[]>(@"loc => {
            const file = loc.querySelector('.file'), dir = loc.querySelector('.dir'), cell = loc.closest('[role=gridcell]');
            return [file.scrollWidth <= file.clientWidth + 1, file.getBoundingClientRect().right <= cell.getBoundingClientRect().right + 1, dir.scrollWidth > dir.clientWidth + 1];
        }");
        Assert.Equal([true, true, true], fit);
        await dashboard.ScreenshotAsync(browser.OutputDirectory, "synthetic-narrow-location");
        Assert.Empty(dashboard.Errors);
    }

    public static TheoryData<string, string?> Editors => new()
    {
        { "vscode", "vscode://file" + File + ":42" },
        { "rider", "rider://open?file=" + System.Uri.EscapeDataString(File) + "&line=42" },
        { "myeditor://open?path={path}&at={line}", "myeditor://open?path=" + System.Uri.EscapeDataString(File) + "&at=42" },
        { "none", null },
    };

    [Theory]
    [MemberData(nameof(Editors))]
    public async Task The_drill_down_links_the_location_to_the_editor_chosen_or_to_none(string editor, string? href)
    {
        await using var dashboard = await OpenLeakAsync(browser.Browser, Dashboards.Write(Leak(), "editor", EditorLink.Parse(editor)));
        var drill = dashboard.Page.Locator("#drill");

        var links = await drill.Locator("a.loc.editor").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        if (href is null)
            Assert.Empty(links);
        else
            Assert.All(links, l => Assert.Equal(href, l));
        Assert.True(href is null || links.Length > 0, "no editor link");
        Assert.Contains("OrderExportStream.cs:42", await drill.InnerTextAsync());
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task A_source_path_named_like_markup_displays_literally_is_escaped_in_the_link_and_runs_nothing()
    {
        const string folder = "/tmp/" + Dashboards.Payload + "/";
        string path = Dashboards.Write(Leak(folder + "Stream.cs", folder + "Program.cs"), "path-markup");
        Assert.DoesNotContain(Dashboards.Payload, System.IO.File.ReadAllText(path));

        await using var dashboard = await OpenLeakAsync(browser.Browser, path);
        var page = dashboard.Page;

        Assert.Contains("sources in " + folder, await page.Locator("#meta").TextContentAsync());
        var link = page.Locator("#drill a.loc.editor").First;
        Assert.Contains(folder + "Stream.cs:42", await link.GetAttributeAsync("title"));
        string href = (await link.GetAttributeAsync("href"))!;
        Assert.StartsWith("vscode://file/tmp/%3C/script%3E%3Cimg%20src=x%20onerror=alert(1)%3E/Stream.cs:42", href);
        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('img').length"));
        Assert.Empty(dashboard.Dialogs);
        Assert.Empty(dashboard.Errors);
        Assert.Empty(dashboard.Requests);
    }

    [Fact]
    public async Task Bytes_are_written_in_the_units_of_the_svg_charts()
    {
        var b = new RecordingBuilder();
        var alloc = b.Site(SiteKind.Native, 5, "block");
        b.Add(EventKind.NativeAlloc, alloc, 0x1000, 6 * 1024 + 512);
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, Dashboards.Write(b.Build(), "units"));

        var cards = await dashboard.Page.Locator(".card").AllInnerTextsAsync();
        Assert.Contains(cards, c => c.StartsWith("NATIVE MEMORY", System.StringComparison.OrdinalIgnoreCase) && c.Contains("6.5 KiB"));
        Assert.Contains(cards, c => c.StartsWith("LIVE AT THE END", System.StringComparison.OrdinalIgnoreCase) && c.Contains("6.5 KiB"));
    }
}
