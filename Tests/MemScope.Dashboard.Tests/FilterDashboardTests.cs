using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace MemScope.Dashboard.Tests;

/// <summary>The allocations table's column filters and the timeline's range selection, on a 2,000-object recording.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FilterDashboardTests(BrowserFixture browser)
{
    private const int Objects = 2_000;

    private static async Task<DashboardPage> OpenAllocationsAsync(IBrowser browser, string name, int threads = 1)
    {
        var dashboard = await DashboardPage.OpenAsync(browser, Dashboards.Write(Dashboards.Synthetic(Objects, threads: threads), name));
        await dashboard.ShowAsync("Allocations");
        return dashboard;
    }

    private static ILocator Count(IPage page) => page.Locator("[data-view=Allocations] .vt-tools .count");

    /// <summary>One column of the rows in the DOM (1-based, as the table's columns: id, type, variable, bytes, allocated, lifetime, thread, site).</summary>
    private static Task<System.Collections.Generic.IReadOnlyList<string>> Column(IPage page, int column) =>
        page.Locator($"[data-view=Allocations] .vt-row > span:nth-child({column})").AllTextContentsAsync();

    [Fact]
    public async Task Filtering_the_allocations_by_type_keeps_only_that_type()
    {
        await using var dashboard = await OpenAllocationsAsync(browser.Browser, "by-type");
        var page = dashboard.Page;

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Filter allocations by type" }).SelectOptionAsync(new SelectOptionValue { Label = "App.Model.Item3" });

        // Type index = id % 20: a hundred of the 2,000 objects are Item3.
        await Assertions.Expect(Count(page)).ToHaveTextAsync("100 of 2,000 rows matching the filters");
        var types = await Column(page, 2);
        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Equal("App.Model.Item3", t));
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task Filtering_the_allocations_by_a_size_range_keeps_only_sizes_inside_it()
    {
        await using var dashboard = await OpenAllocationsAsync(browser.Browser, "by-size");
        var page = dashboard.Page;
        int expected = Enumerable.Range(1, Objects).Count(id => Dashboards.Size(id) is >= 1000 and <= 2000);

        await page.GetByLabel("Minimum size of allocations (bytes)").FillAsync("1000");
        await page.GetByLabel("Maximum size of allocations (bytes)").FillAsync("2000");

        await Assertions.Expect(Count(page)).ToHaveTextAsync($"{expected.ToString("N0", CultureInfo.InvariantCulture)} of 2,000 rows matching the filters");
        var ids = (await Column(page, 1)).Select(long.Parse).ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.InRange(Dashboards.Size(id), 1000, 2000));

        await page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).First.ClickAsync();
        await Assertions.Expect(Count(page)).ToHaveTextAsync("2,000 of 2,000 rows");
    }

    [Fact]
    public async Task Filtering_the_allocations_by_thread_keeps_only_that_thread()
    {
        await using var dashboard = await OpenAllocationsAsync(browser.Browser, "by-thread", threads: 4);
        var page = dashboard.Page;
        var select = page.GetByRole(AriaRole.Combobox, new() { Name = "Filter allocations by thread" });
        Assert.Equal(["all threads", "1 Main", "2 Worker2", "3 Worker3", "4 Worker4"], await select.Locator("option").AllTextContentsAsync());

        // Keyboard only: focus the select and pick the fourth entry (thread 3).
        await select.FocusAsync();
        await select.SelectOptionAsync("3");

        await Assertions.Expect(Count(page)).ToHaveTextAsync("500 of 2,000 rows matching the filters");
        var threads = await Column(page, 7);
        Assert.NotEmpty(threads);
        Assert.All(threads, t => Assert.Equal("3", t));
        await dashboard.ScreenshotAsync(browser.OutputDirectory, "synthetic-filter-thread");
    }

    [Fact]
    public async Task Shift_dragging_on_the_timeline_selects_a_range_that_filters_the_allocations()
    {
        await using var dashboard = await OpenAllocationsAsync(browser.Browser, "drag");
        var page = dashboard.Page;
        await Assertions.Expect(Count(page)).ToHaveTextAsync("2,000 of 2,000 rows");
        var box = (await page.Locator("#timeline").BoundingBoxAsync())!;
        float y = box.Y + box.Height / 2;

        await page.Keyboard.DownAsync("Shift");
        await page.Mouse.MoveAsync(box.X + box.Width * 0.25f, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * 0.4f, y, new() { Steps = 5 });
        await page.Mouse.MoveAsync(box.X + box.Width * 0.5f, y, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await page.Keyboard.UpAsync("Shift");

        await Assertions.Expect(page.Locator("#range")).ToContainTextAsync("range ");
        await Assertions.Expect(Count(page)).ToContainTextAsync("in the selected range");
        double from = double.Parse(await page.Locator("#range-from").InputValueAsync(), CultureInfo.InvariantCulture);
        double to = double.Parse(await page.Locator("#range-to").InputValueAsync(), CultureInfo.InvariantCulture);
        double duration = await page.EvaluateAsync<double>("JSON.parse(document.getElementById('memscope-data').textContent).durationMs");
        Assert.InRange(from / duration, 0.23, 0.27);
        Assert.InRange(to / duration, 0.48, 0.52);
        // Objects live a few µs here, so about a quarter of them overlap a quarter of the recording.
        int shown = int.Parse(Regex.Match((await Count(page).TextContentAsync())!, @"^[\d,]+").Value.Replace(",", ""), CultureInfo.InvariantCulture);
        Assert.InRange(shown, 400, 600);
        var allocated = await Column(page, 5);
        Assert.All(allocated, a => Assert.InRange(double.Parse(a.Replace(" ms", ""), CultureInfo.InvariantCulture), from - 0.1, to));
        await dashboard.ScreenshotAsync(browser.OutputDirectory, "synthetic-drag-selection");

        await page.GetByRole(AriaRole.Button, new() { Name = "Reset range" }).ClickAsync();
        await Assertions.Expect(Count(page)).ToHaveTextAsync("2,000 of 2,000 rows");
        Assert.Empty(dashboard.Errors);
    }
}
