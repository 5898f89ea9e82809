using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace MemScope.Dashboard.Tests;

/// <summary>
/// The dashboards of UnsafeFfiDemo and ComplexLifecycleShowcase as a person uses them: every tab opened (and
/// screenshot), every finding clicked, each opening a story with a source location and a link to the editor.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StoryDashboardTests(BrowserFixture browser, SampleDashboard unsafeFfi, ShowcaseDashboard showcase)
{
    private SampleRun Sample(string name) => name == unsafeFfi.Name ? unsafeFfi : showcase;

    public static TheoryData<string> Samples => new() { "unsafe_ffi_demo", "complex_lifecycle" };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Every_tab_opens_without_a_console_error(string name)
    {
        var sample = Sample(name);
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, sample.DashboardPath);
        var tabs = await dashboard.Page.GetByRole(AriaRole.Tab).AllTextContentsAsync();
        Assert.Equal(["Overview", "Lifetimes", "Allocations", "Leaks", "Violations", "Native memory", "Handles", "P/Invoke", "At the end", "Types", "Sites", "Threads"], tabs);

        foreach (var tab in tabs)
        {
            await dashboard.ShowAsync(tab);
            var view = dashboard.Page.Locator($"section.view[data-view=\"{tab}\"]");
            await Assertions.Expect(view).ToBeVisibleAsync();
            Assert.NotEqual("", (await view.InnerTextAsync()).Trim());
            await dashboard.ScreenshotAsync(browser.OutputDirectory, $"{name}-tab-{Slug(tab)}");
        }

        Assert.Empty(dashboard.Errors);
        Assert.Empty(dashboard.Requests);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Every_finding_leak_violation_and_native_block_opens_a_story_with_a_file_line_and_an_editor_link(string name)
    {
        var sample = Sample(name);
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, sample.DashboardPath);
        var page = dashboard.Page;
        int opened = 0;

        var findings = page.Locator("ol.diag > li .finding-open");
        int findingCount = await findings.CountAsync();
        Assert.True(findingCount > 0, "the diagnosis lists no finding");
        for (int i = 0; i < findingCount; i++)
        {
            await findings.Nth(i).ClickAsync();
            await AssertStoryAsync(page, $"finding {i + 1}");
            await dashboard.ScreenshotAsync(browser.OutputDirectory, $"{name}-finding-{i + 1}");
            opened++;
        }

        foreach (var (tab, prefix) in new[] { ("Leaks", "leak"), ("Violations", "violation"), ("Native memory", "native") })
        {
            await dashboard.ShowAsync(tab);
            var rows = page.Locator($"section.view[data-view=\"{tab}\"] .vt-row");
            int count = await rows.CountAsync();
            for (int i = 0; i < count; i++)
            {
                await rows.Nth(i).ClickAsync();
                await AssertStoryAsync(page, $"{tab} row {i + 1}");
                if (i < 3)
                    await dashboard.ScreenshotAsync(browser.OutputDirectory, $"{name}-{prefix}-{i + 1}");
                opened++;
            }
        }

        Assert.True(opened >= findingCount + 1, $"{opened} stories opened");
        Assert.Empty(dashboard.Errors);
    }

    /// <summary>The drill-down is open, names at least one file:line, links to the editor at an existing file, and is not a dead end.</summary>
    private static async Task<string> AssertStoryAsync(IPage page, string what)
    {
        var drill = page.Locator("#drill");
        await Assertions.Expect(drill).ToBeVisibleAsync();
        string text = (await drill.InnerTextAsync()).Replace('\n', ' ');
        Assert.True(Regex.IsMatch(text, @"\.cs:\d+"), $"{what}: no file:line in the drill-down: {text}");
        Assert.DoesNotContain("not among the tracked objects", text);
        Assert.DoesNotContain("did not see", text);
        var links = await drill.Locator("a.loc.editor").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.True(links.Length > 0, $"{what}: no editor link in the drill-down: {text}");
        foreach (var href in links)
        {
            var match = Regex.Match(href, @"^vscode://file(/.+\.cs):(\d+)$");
            Assert.True(match.Success, $"{what}: editor link {href}");
            Assert.True(File.Exists(Uri.UnescapeDataString(match.Groups[1].Value)), $"{what}: {href} names no file of this machine");
        }
        return text;
    }

    [Fact]
    public async Task The_leaked_AllocHGlobal_block_tells_its_story_and_has_a_red_bar_in_lifetimes()
    {
        int allocated = unsafeFfi.LineOf("Program.cs", "PLANTED: leak");
        int passed = unsafeFfi.LineOf("Program.cs", "ZLib.Crc32(0, requestHeader, 4)");
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, unsafeFfi.DashboardPath);
        var page = dashboard.Page;

        await dashboard.ShowAsync("Leaks");
        await page.Locator("section.view[data-view=Leaks] .vt-row", new() { HasText = "requestHeader" }).ClickAsync();
        string story = await AssertStoryAsync(page, "the leaked block");

        Assert.Contains("native block 'requestHeader' (Marshal.AllocHGlobal)", story);
        Assert.Contains("128 B", story);
        Assert.Contains($"allocated by Marshal.AllocHGlobal, 128 B Program.cs:{allocated}", story);
        Assert.Contains($"passed to crc32 in libz.so.1 (argument 1) Program.cs:{passed}", story);
        Assert.Contains("still allocated when the recording ended", story);

        await dashboard.ShowAsync("Lifetimes");
        var bar = page.Locator(".track .bar.native.leak");
        await Assertions.Expect(bar).ToHaveCountAsync(1);
        await bar.ClickAsync();
        Assert.Contains("requestHeader", await page.Locator("#drill h2").InnerTextAsync());
        await dashboard.ScreenshotAsync(browser.OutputDirectory, "unsafe_ffi_demo-lifetimes-leak");
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task The_double_free_shows_both_frees_and_that_the_second_was_stopped()
    {
        int firstFree = unsafeFfi.LineOf("Program.cs", "Marshal.FreeHGlobal(frame);");
        int secondFree = unsafeFfi.LineOf("Program.cs", "PLANTED: double-free");
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, unsafeFfi.DashboardPath);
        var page = dashboard.Page;

        await dashboard.ShowAsync("Violations");
        await page.Locator("section.view[data-view=Violations] .vt-row", new() { HasText = "doubleFree" }).ClickAsync();
        string story = await AssertStoryAsync(page, "the double free");

        Assert.Contains($"freed by Marshal.FreeHGlobal Program.cs:{firstFree}", story);
        Assert.Contains($"freed again by Marshal.FreeHGlobal: stopped by MemScope before it reached the allocator Program.cs:{secondFree}", story);
        Assert.Contains($"first freed at Program.cs:{firstFree}", story);
        Assert.Contains("'frame'", story);
    }

    [Fact]
    public async Task The_freed_pointer_passed_to_native_code_shows_the_free_and_the_call()
    {
        int freed = unsafeFfi.LineOf("Program.cs", "NativeMemory.Free(digestInput);");
        int call = unsafeFfi.LineOf("Program.cs", "PLANTED: use-after-free");
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, unsafeFfi.DashboardPath);
        var page = dashboard.Page;

        await page.Locator("ol.diag > li .finding-open", new() { HasText = "after it was freed" }).ClickAsync();
        string story = await AssertStoryAsync(page, "the freed pointer");

        Assert.Contains("native block 'digestInput' (NativeMemory.Alloc)", story);
        Assert.Contains($"freed by NativeMemory.Free Program.cs:{freed}", story);
        Assert.Contains($"passed after it was freed to crc32 in libz.so.1 (argument 1) Program.cs:{call}", story);
    }

    [Fact]
    public async Task The_use_after_dispose_shows_where_the_object_was_disposed_and_where_it_was_used()
    {
        int disposed = unsafeFfi.LineOf("Program.cs", "manifest.Dispose();");
        int used = unsafeFfi.LineOf("Program.cs", "PLANTED: use-after-dispose");
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, unsafeFfi.DashboardPath);

        await dashboard.Page.Locator("ol.diag > li .finding-open", new() { HasText = "called after Dispose" }).ClickAsync();
        string story = await AssertStoryAsync(dashboard.Page, "the use after dispose");

        Assert.Contains($"disposed at Program.cs:{disposed}", story);
        Assert.Contains($"disposed Program.cs:{disposed}", story);
        Assert.Contains($"error: ManifestReader.get_Length called after Dispose Program.cs:{used}", story);
    }

    [Fact]
    public async Task The_overview_counts_native_memory_in_the_live_and_peak_bytes_and_on_the_timeline()
    {
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, unsafeFfi.DashboardPath);
        var page = dashboard.Page;
        var cards = (await page.Locator(".card").AllInnerTextsAsync()).Select(c => c.Replace('\n', ' ')).ToList();
        var data = await page.EvaluateAsync<Dictionary<string, long>>("JSON.parse(document.getElementById('memscope-data').textContent).totals");

        Assert.True(data["nativeLiveBytes"] == 128, $"native live bytes {data["nativeLiveBytes"]}");
        Assert.True(data["peakBytes"] > data["bytes"], $"peak {data["peakBytes"]} does not count the native blocks (objects allocated {data["bytes"]})");
        Assert.Contains(cards, c => c.Contains("128 B native in 1 block", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(cards, c => c.StartsWith("NATIVE MEMORY", StringComparison.OrdinalIgnoreCase) && c.Contains("7 blocks allocated"));
        Assert.DoesNotContain(cards, c => c.Contains("1 threads"));
        Assert.Contains("of which native", await page.Locator("#keys").InnerTextAsync());
        double nativeAtEnd = await page.EvaluateAsync<double>("(() => { const d = JSON.parse(document.getElementById('memscope-data').textContent); return d.tl.native[d.tl.native.length - 1]; })()");
        Assert.Equal(128, nativeAtEnd);
    }

    [Fact]
    public async Task Who_keeps_it_alive_names_the_static_field_that_still_holds_the_run_summary()
    {
        int stored = showcase.LineOf("RunHistory.cs", "s_last = summary");
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, showcase.DashboardPath);
        var page = dashboard.Page;

        await dashboard.ShowAsync("At the end");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Filter live at the end" }).FillAsync("RunSummary");
        var row = page.Locator("section.view[data-view=\"At the end\"] .vt-row", new() { HasText = "RunSummary" });
        Assert.Contains($"RunHistory.s_last (field, RunHistory.cs:{stored})", await row.InnerTextAsync());
        await row.ClickAsync();
        var keep = page.Locator("#drill ul.retention");
        await Assertions.Expect(keep).ToContainTextAsync("RunHistory.s_last");
        Assert.Contains($"RunHistory.cs:{stored}", await keep.InnerTextAsync());
        await dashboard.ScreenshotAsync(browser.OutputDirectory, "complex_lifecycle-retention");

        // The leaked stream: nothing held it at exit, so the collection before the export at exit reclaimed it, and the page
        // says so rather than "still alive".
        await dashboard.ShowAsync("Leaks");
        await page.Locator("section.view[data-view=Leaks] .vt-row", new() { HasText = "uploadBuffer" }).ClickAsync();
        await Assertions.Expect(page.Locator("#drill")).ToContainTextAsync("collected without Dispose");
        await Assertions.Expect(page.Locator("#drill ul.retention")).ToContainTextAsync("the GC collected it");
        var ends = await page.Locator("#drill [data-end]").EvaluateAllAsync<string[]>("lines => lines.map(l => l.dataset.end)");
        Assert.Contains("scopeEnd", ends);
        Assert.DoesNotContain("ScopeEnded", await page.Locator("#drill").InnerTextAsync());
        Assert.Empty(dashboard.Errors);
    }

    private static string Slug(string tab) => Regex.Replace(tab, "[^A-Za-z]", "").ToLowerInvariant();
}
