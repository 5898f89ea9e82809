using System.Globalization;
using MemScopeTrace.Model;

namespace MemScopeReports.Analysis.Patterns;

/// <summary>How findings write numbers and sites: invariant culture, so a report reads the same on every machine.</summary>
internal static class Wording
{
    public static string Site(SiteInfo? site) =>
        site is null ? "an unknown site" : site.File is null ? site.Method : $"{site.Location} ({site.Method})";

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Bytes(long value) => value == 1 ? "1 byte" : Count(value) + " bytes";

    public static string Ms(double value) => value.ToString("0.##", CultureInfo.InvariantCulture) + " ms";

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Plural(long count, string one, string many) => count == 1 ? one : many;
}
