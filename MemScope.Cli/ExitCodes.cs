namespace MemScopeCli;

/// <summary>
/// The tool's exit codes. A CI gate must tell "the program has a problem" (1) from "the tool could not
/// look" (2), so every failure to read or resolve input is 2, never 1.
/// </summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Found = 1;
    public const int Error = 2;
}
