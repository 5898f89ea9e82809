using MemScopeTrace.Model;
namespace MemScopeReports.Export.Dashboard;

/// <summary>
/// The hand-written front-end, kept as C# raw strings (DashboardStyle, DashboardBody, DashboardScript) so the
/// page needs no build step, no npm and no file next to it. Line ends are normalized so a CRLF checkout
/// produces the same page and the same script hash.
/// </summary>
internal static class DashboardAssets
{
    public static string Style { get; } = DashboardStyle.Text.Replace("\r\n", "\n");
    public static string Body { get; } = DashboardBody.Text.Replace("\r\n", "\n");
    public static string Script { get; } = DashboardScript.Text.Replace("\r\n", "\n");
}
