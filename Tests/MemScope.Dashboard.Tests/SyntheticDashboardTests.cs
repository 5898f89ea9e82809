using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MemScopeReports.Export.Dashboard;
using MemScopeTrace.Model;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace MemScope.Dashboard.Tests;

/// <summary>Dashboards of hand-built recordings: escaping, sorting, filtering, and the 1,000,000-event budget.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SyntheticDashboardTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_type_and_a_variable_named_like_markup_display_literally_and_run_nothing()
    {
        string path = Dashboards.Write(Dashboards.Synthetic(200, typeName: Dashboards.Payload, variable: Dashboards.Payload), Dashboards.Payload);
        Assert.DoesNotContain(Dashboards.Payload, File.ReadAllText(path));

        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, path);
        var page = dashboard.Page;
        await dashboard.ShowAsync("Allocations");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Filter allocations" }).FillAsync("onerror");
        var cells = page.Locator(".vt-row span");
        await Assertions.Expect(cells.Filter(new() { HasText = "onerror" }).First).ToBeVisibleAsync();
        var texts = await cells.AllTextContentsAsync();

        Assert.Contains(Dashboards.Payload, texts);
        Assert.Equal("MemScope: " + Dashboards.Payload, await page.TitleAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('img').length"));
        await dashboard.ShowAsync("Lifetimes");
        await page.Locator(".lt-row button.var", new() { HasText = "onerror" }).First.ClickAsync();
        Assert.Contains(Dashboards.Payload, await page.Locator("#drill").TextContentAsync());
        Assert.Empty(dashboard.Dialogs);
        Assert.Empty(dashboard.Errors);
        Assert.Empty(dashboard.Requests);
    }

    [Fact]
    public async Task Filtering_the_allocations_by_text_keeps_only_matching_rows()
    {
        string path = Dashboards.Write(Dashboards.Synthetic(2_000), "filter");
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, path);
        var page = dashboard.Page;
        await dashboard.ShowAsync("Allocations");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Filter allocations" }).FillAsync("item17");

        // item17 matches variable item17 only (Item1x types are "App.Model.Item17" — also a match), so check each visible row.
        await Assertions.Expect(page.Locator(".vt-tools .count").First).Not.ToContainTextAsync("2,000 of 2,000");
        var rows = await page.Locator(".vt-row").AllTextContentsAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("item17", r.ToLowerInvariant()));
        await dashboard.ScreenshotAsync(browser.OutputDirectory, "synthetic-filtered");
    }

    [Fact]
    public async Task Sorting_by_a_column_orders_the_rows_and_a_second_click_reverses_them()
    {
        string path = Dashboards.Write(Dashboards.Synthetic(2_000), "sort");
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, path);
        var page = dashboard.Page;
        await dashboard.ShowAsync("Allocations");
        var id = page.Locator(".vt-head button", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^id$") });

        await id.ClickAsync();
        await Assertions.Expect(id).ToHaveAttributeAsync("aria-sort", "descending");
        var descending = await FirstIds(page);
        await id.ClickAsync();
        await Assertions.Expect(id).ToHaveAttributeAsync("aria-sort", "ascending");
        var ascending = await FirstIds(page);

        Assert.Equal(2_000, descending[0]);
        Assert.Equal(descending.OrderByDescending(x => x), descending);
        Assert.Equal(1, ascending[0]);
        Assert.Equal(ascending.OrderBy(x => x), ascending);
    }

    private static async Task<long[]> FirstIds(IPage page) =>
        (await page.Locator(".vt-row > span:first-child").AllTextContentsAsync()).Take(10).Select(long.Parse).ToArray();

    [Fact]
    public async Task An_object_whose_collection_was_not_watched_says_so_and_a_watched_sample_says_what_it_stands_for()
    {
        var b = new RecordingBuilder();
        int type = b.Type("App.Model.Particle");
        var site = b.Site(SiteKind.Alloc, 10, "particle");
        b.Allocate(1, type, site, 32, liveWeight: 0);
        b.Allocate(2, type, site, 32, liveWeight: 64);
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, Dashboards.Write(b.Build(), "watch"));
        var page = dashboard.Page;
        await dashboard.ShowAsync("Allocations");
        var rows = page.Locator(".vt-row");

        await rows.Filter(new() { HasText = "not watched" }).ClickAsync();
        await Assertions.Expect(page.Locator("#drill")).ToContainTextAsync("not watched (sampled out by MEMSCOPE_WATCH)");
        await rows.Filter(new() { HasNotText = "not watched" }).ClickAsync();
        await Assertions.Expect(page.Locator("#drill")).ToContainTextAsync("64 objects of its site");
        Assert.Empty(dashboard.Errors);
    }

    // Alloc, Bind, ScopeEnd (or Dispose and DisposeAgain) and Collected: four or five events an object.
    private const int Objects = 250_000;

    [Fact]
    public async Task A_million_event_dashboard_opens_and_answers_a_click_within_two_seconds()
    {
        var recording = Dashboards.Synthetic(Objects);
        Assert.True(recording.Events.Count >= 1_000_000, $"{recording.Events.Count} events");
        var (path, exportTime) = Dashboards.Timed(recording, "million");
        long size = new FileInfo(path).Length;

        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(new System.Uri(path).AbsoluteUri);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Allocations", Exact = true }).ClickAsync();
        await page.Locator(".vt-row").First.ClickAsync();
        await page.Locator("#drill h2").WaitForAsync();
        var open = clock.Elapsed;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.OutputDirectory, "million.png") });
        int domRows = await page.EvaluateAsync<int>("document.querySelectorAll('.vt-row').length");
        // A column filter over the 200,000 rows: chosen, filtered into an index array, first rows drawn.
        var filterClock = Stopwatch.StartNew();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Filter allocations by type" }).SelectOptionAsync(new SelectOptionValue { Label = "App.Model.Item3" });
        await Assertions.Expect(page.Locator("[data-view=Allocations] .vt-tools .count")).ToHaveTextAsync($"{Objects / 20:N0} of {Objects:N0} rows matching the filters");
        var filter = filterClock.Elapsed;
        await context.CloseAsync();

        string report = $"1M-event dashboard: {recording.Events.Count:N0} events, {Objects:N0} objects, file {size / 1048576.0:F1} MiB ({size:N0} bytes), " +
            $"written in {exportTime.TotalMilliseconds:F0} ms, opened to first rows + handled click in {open.TotalMilliseconds:F0} ms, {domRows} rows in the DOM, " +
            $"type filter applied in {filter.TotalMilliseconds:F0} ms";
        output.WriteLine(report);
        File.WriteAllText(Path.Combine(browser.OutputDirectory, "million.txt"), report + "\n");
        Assert.True(domRows < 200, $"{domRows} rows rendered: the table is not virtualised");
        Assert.True(open.TotalSeconds <= 2, report);
    }

    [Fact]
    public async Task A_recording_above_the_page_limits_gives_a_page_within_25_MB_that_says_what_it_leaves_out()
    {
        const int objects = 320_000;
        var recording = Dashboards.Synthetic(objects);
        string path = Dashboards.Write(recording, "bounded");
        long size = new FileInfo(path).Length;
        output.WriteLine($"{recording.Events.Count:N0} events, {objects:N0} objects: dashboard {size / 1048576.0:F1} MiB ({size:N0} bytes)");

        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, path);
        var page = dashboard.Page;
        var note = $"Showing {DashboardSelection.ObjectLimit:N0} of {objects:N0} objects";
        await Assertions.Expect(page.Locator(".partial").First).ToContainTextAsync(note);
        await Assertions.Expect(page.Locator(".partial").First).ToContainTextAsync("memscope objects bounded.mscope");
        await dashboard.ShowAsync("Allocations");
        await Assertions.Expect(page.Locator("[data-view=Allocations] .vt-tools .count")).ToContainTextAsync($"{DashboardSelection.ObjectLimit:N0}");
        await dashboard.ShowAsync("Leaks");
        await Assertions.Expect(page.Locator("[data-view=Leaks] .partial")).ToContainTextAsync($"Showing {DashboardSelection.LeakLimit:N0} of");

        Assert.True(size <= 25L * 1024 * 1024, $"{size:N0} bytes");
        Assert.Empty(dashboard.Errors);
    }
}
