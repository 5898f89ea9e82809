namespace MemScopeCli;

internal static class Program
{
    private static int Main(string[] args) => CliApplication.Run(args, CliConsole.ForProcess());
}
