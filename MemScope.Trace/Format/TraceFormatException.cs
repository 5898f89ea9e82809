using System;
using MemScopeTrace.Model;

namespace MemScopeTrace.Format;

/// <summary>A trace file that cannot be read: corrupt, truncated, or of another format version. The message is one readable line.</summary>
public sealed class TraceFormatException : Exception
{
    public TraceFormatException(string message)
        : base(message)
    {
    }
}
