using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace MemScope.Dashboard.Tests;

/// <summary>One headless Debian Chromium for all tests: launching it costs more than most tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    /// <summary>Screenshots and timings land next to the test assembly, in the test output.</summary>
    public string OutputDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "dashboard-output")).FullName;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install chromium (.ci/run does).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>, ICollectionFixture<SampleDashboard>, ICollectionFixture<ShowcaseDashboard>
{
    public const string Name = "browser";
}

/// <summary>
/// A page opened on a dashboard file that records what the tests assert on: every request the page tries
/// (all are aborted, so nothing can leave), console errors, uncaught exceptions and dialogs.
/// </summary>
public sealed class DashboardPage : IAsyncDisposable
{
    private DashboardPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public ConcurrentQueue<string> Requests { get; } = new();
    public ConcurrentQueue<string> Errors { get; } = new();
    public ConcurrentQueue<string> Dialogs { get; } = new();

    public static async Task<DashboardPage> OpenAsync(IBrowser browser, string file, int width = 1366, int height = 900)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var opened = new DashboardPage(context, page);
        string self = new Uri(file).AbsoluteUri;
        await context.RouteAsync("**/*", async route =>
        {
            // The page's own file is the one load allowed; anything else is recorded and refused.
            if (route.Request.Url == self)
            {
                await route.ContinueAsync();
                return;
            }
            opened.Requests.Enqueue(route.Request.Url);
            await route.AbortAsync();
        });
        page.Request += (_, request) =>
        {
            if (request.Url != self)
                opened.Requests.Enqueue(request.Url);
        };
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
                opened.Errors.Enqueue(message.Type + ": " + message.Text);
        };
        page.PageError += (_, error) => opened.Errors.Enqueue("page error: " + error);
        page.Dialog += (_, dialog) =>
        {
            opened.Dialogs.Enqueue(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await page.GotoAsync(self);
        await page.WaitForSelectorAsync("body[data-ready=true]");
        return opened;
    }

    public Task ShowAsync(string view) => Page.GetByRole(AriaRole.Tab, new() { Name = view, Exact = true }).ClickAsync();

    public Task ScreenshotAsync(string directory, string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = false });

    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    public IReadOnlyCollection<string> ErrorsList => new List<string>(Errors);
}
