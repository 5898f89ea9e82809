using System;

namespace MemScopeCli;

/// <summary>A problem with what the user asked for (no trace in a folder, an unknown format…): one line, exit code 2.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message)
        : base(message)
    {
    }
}
