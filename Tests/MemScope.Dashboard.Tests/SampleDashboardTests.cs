using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using MemScopeTestShared;
using Microsoft.Playwright;
using Xunit;

namespace MemScope.Dashboard.Tests;

/// <summary>The dashboard of a real UnsafeFfiDemo run, in headless Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SampleDashboardTests(BrowserFixture browser, SampleDashboard sample)
{
    [Fact]
    public async Task Clicking_a_variable_opens_its_object_with_the_allocation_file_and_line_and_every_holder()
    {
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, sample.DashboardPath);
        await dashboard.ShowAsync("Lifetimes");
        var variable = dashboard.Page.Locator(".lt-row button.var[data-kind=object]").First;
        string name = (await variable.GetAttributeAsync("data-name"))!;

        await variable.ClickAsync();

        var drill = dashboard.Page.Locator("#drill");
        await Assertions.Expect(drill).ToBeVisibleAsync();
        Assert.Matches(new Regex(@"\.cs:\d+"), await drill.Locator(".alloc-site").TextContentAsync());
        var holders = await drill.Locator("li.holder").AllTextContentsAsync();
        Assert.Contains(holders, h => h.StartsWith(name) && Regex.IsMatch(h, @"\.cs:\d+") && h.Contains("bound at"));
        Assert.Matches("disposed|collected", await drill.TextContentAsync() ?? "");
        await dashboard.ScreenshotAsync(browser.OutputDirectory, "sample-drilldown");
    }

    [Fact]
    public async Task Every_view_opens_without_a_console_error_and_without_a_single_request()
    {
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, sample.DashboardPath);
        var tabs = await dashboard.Page.GetByRole(AriaRole.Tab).AllTextContentsAsync();
        Assert.True(tabs.Count >= 10, string.Join(", ", tabs));
        foreach (var tab in tabs)
        {
            await dashboard.ShowAsync(tab);
            await dashboard.ScreenshotAsync(browser.OutputDirectory, "sample-view-" + Regex.Replace(tab, "[^A-Za-z]", "").ToLowerInvariant());
        }
        await dashboard.ShowAsync("Allocations");
        await dashboard.Page.Locator(".vt-row").First.ClickAsync();
        await dashboard.Page.Keyboard.PressAsync("Escape");

        Assert.Empty(dashboard.Errors);
        Assert.Empty(dashboard.Requests);
    }

    [Fact]
    public async Task The_timeline_zooms_with_the_keyboard_and_the_wheel_and_the_range_filters_the_allocations()
    {
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, sample.DashboardPath);
        var page = dashboard.Page;
        await dashboard.ShowAsync("Allocations");
        string before = (await page.Locator(".vt-tools .count").First.TextContentAsync())!;

        await page.Locator("#timeline").FocusAsync();
        for (int i = 0; i < 6; i++)
            await page.Keyboard.PressAsync("+");
        await page.Keyboard.PressAsync("ArrowLeft");
        var box = (await page.Locator("#timeline").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width / 3, box.Y + box.Height / 2);
        await page.Mouse.WheelAsync(0, -200);

        await Assertions.Expect(page.Locator("#range")).ToContainTextAsync("range ");
        await Assertions.Expect(page.Locator(".vt-tools .count").First).ToContainTextAsync("in the selected range");
        Assert.NotEqual(before, await page.Locator(".vt-tools .count").First.TextContentAsync());
        await dashboard.ScreenshotAsync(browser.OutputDirectory, "sample-zoomed");

        await page.GetByRole(AriaRole.Button, new() { Name = "Reset range" }).ClickAsync();
        await Assertions.Expect(page.Locator(".vt-tools .count").First).ToHaveTextAsync(before);
    }

    [Fact]
    public async Task The_theme_toggle_switches_to_dark_and_back()
    {
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, sample.DashboardPath);
        var page = dashboard.Page;
        string light = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");

        await page.Locator("#theme").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("dark", await page.GetAttributeAsync("html", "data-theme"));
        Assert.NotEqual(light, await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        await dashboard.ScreenshotAsync(browser.OutputDirectory, "sample-dark");
        await page.Keyboard.PressAsync("Space");
        Assert.Equal("light", await page.GetAttributeAsync("html", "data-theme"));
    }

    [Fact]
    public async Task At_tablet_width_the_drill_down_still_opens()
    {
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, sample.DashboardPath, width: 820, height: 1180);
        await dashboard.ShowAsync("Leaks");
        await dashboard.Page.Locator(".vt-row").First.ClickAsync();
        await Assertions.Expect(dashboard.Page.Locator("#drill")).ToBeVisibleAsync();
        await dashboard.ScreenshotAsync(browser.OutputDirectory, "sample-tablet");
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public void Memscope_html_writes_the_same_bytes_as_the_exporter()
    {
        string cli = Path.Combine(TestEnvironment.RepositoryRoot, "MemScope.Cli", "bin", TestEnvironment.Configuration, "net10.0", "MemScope.Cli.dll");
        string output = Path.Combine(Directory.CreateTempSubdirectory("memscope-dashboard-cli-").FullName, "page.html");

        var (exitCode, _, error) = TestEnvironment.Run("dotnet", $"\"{cli}\" html \"{sample.Folder}\" -o \"{output}\"", sample.Folder, SampleRun.Environment);

        Assert.True(exitCode == 0, error);
        Assert.True(File.ReadAllBytes(sample.DashboardPath).SequenceEqual(File.ReadAllBytes(output)), "memscope html and the exporter wrote different pages");
    }
}
