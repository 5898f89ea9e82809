using System.Globalization;
using MemScopeTrace.Model;

namespace MemScopeCli;

/// <summary>How numbers and sites read in every verb's output, so the summary, the gate, the diff and the page agree.</summary>
internal static class Text
{
    public const string Unknown = "?";

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Exact bytes with separators: the numbers are evidence, a rounded "1.2 KB" cannot be checked against the JSON.</summary>
    public static string Bytes(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Signed(long value) => value > 0 ? "+" + Count(value) : Count(value);

    public static string Milliseconds(double value) => value.ToString("N1", CultureInfo.InvariantCulture) + " ms";

    public static string Site(SiteInfo? site) => site?.Location ?? Unknown;

    public static string Variable(string? name) => name ?? Unknown;
}
