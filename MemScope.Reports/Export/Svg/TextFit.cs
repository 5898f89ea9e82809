namespace MemScopeReports.Export.Svg;

/// <summary>
/// Estimates how wide a text renders and shortens it to fit, so labels never run into each other. Type
/// names are set in a monospace font, where the estimate is exact (0.6 em a character).
/// </summary>
internal static class TextFit
{
    private const double MonoAdvance = 0.6;
    // Proportional fonts average about 0.55 em; a slightly wider guess errs on the side of space.
    private const double SansAdvance = 0.58;

    public static double Width(string text, double size, bool mono) => text.Length * size * (mono ? MonoAdvance : SansAdvance);

    /// <summary>The text, or its start and an ellipsis when it is wider than <paramref name="maxWidth"/>.</summary>
    public static string Truncate(string text, double maxWidth, double size, bool mono)
    {
        int maxChars = (int)(maxWidth / (size * (mono ? MonoAdvance : SansAdvance)));
        if (text.Length <= maxChars)
            return text;
        if (maxChars <= 1)
            return "…";
        int keep = maxChars - 1;
        // Never cut a surrogate pair in half: the half would not be valid XML.
        if (char.IsHighSurrogate(text[keep - 1]))
            keep--;
        return text.Substring(0, keep) + "…";
    }
}
