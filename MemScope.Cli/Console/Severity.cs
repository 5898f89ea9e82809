using Spectre.Console;

namespace MemScopeCli;

/// <summary>
/// The colours of severity, the only colours the tool uses: errors red, warnings amber. Where colour is off
/// (a pipe, NO_COLOR) the words themselves ("error", "warning") still say it.
/// </summary>
internal static class Severity
{
    public static readonly Style Error = new(Color.Red);
    public static readonly Style Warning = new(new Color(255, 176, 0));

    /// <summary>The style of a severity word ("error", "Warning"…); null for anything milder.</summary>
    public static Style? Of(string severity) => severity.ToLowerInvariant() switch
    {
        "error" => Error,
        "warning" => Warning,
        _ => (Style?)null,
    };

    /// <summary>Red when there is at least one, else none: for counts of errors.</summary>
    public static Style? ErrorWhen(long count) => count > 0 ? Error : (Style?)null;

    /// <summary>Amber when there is at least one, else none: for counts that mean the recording is incomplete.</summary>
    public static Style? WarningWhen(long count) => count > 0 ? Warning : (Style?)null;
}
