using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MemScopeTestShared;
using MemScopeTrace.Model;
using Xunit;

namespace MemScope.Dashboard.Tests;

/// <summary>The page inlines the front end's real files (embedded as resources) and allows its script by hash.</summary>
public sealed class AssetTests
{
    private static string Source(string file) =>
        File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "MemScope.Reports", "Export", "Dashboard", file)).Replace("\r\n", "\n");

    private static string Page()
    {
        var b = new RecordingBuilder();
        b.Allocate(1, b.Type("App.Item"), b.Site(SiteKind.Alloc, 3, "item"), 24);
        return File.ReadAllText(Dashboards.Write(b.Build(), "assets"));
    }

    [Fact]
    public void The_page_inlines_the_css_the_body_and_the_script_files_unchanged()
    {
        string page = Page();

        Assert.Contains("<style>\n" + Source("dashboard.css") + "</style>", page, StringComparison.Ordinal);
        Assert.Contains("<body>\n" + Source("dashboard-body.html") + "<script type=\"application/json\"", page, StringComparison.Ordinal);
        Assert.Contains("<script>" + Source("dashboard.js") + "</script>", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_content_security_policy_allows_exactly_the_inline_script_by_its_hash()
    {
        string page = Page();
        string script = Regex.Match(page, "<script>(.*)</script>", RegexOptions.Singleline).Groups[1].Value;
        string hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));

        Assert.Equal(Source("dashboard.js"), script);
        Assert.Contains($"script-src 'sha256-{hash}'", page, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", page.Split("script-src")[1].Split(';')[0], StringComparison.Ordinal);
    }
}
