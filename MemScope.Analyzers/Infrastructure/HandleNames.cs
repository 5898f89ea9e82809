using System;

namespace MemScopeAnalyzers.Infrastructure;

/// <summary>
/// Naming conventions of native APIs that deal in handles. A SafeHandle "fits" where the name says handle;
/// buffers, callbacks and opaque context pointers keep their raw types without complaint.
/// </summary>
internal static class HandleNames
{
    public static bool IsHandleName(string name)
    {
        if (name.IndexOf("handle", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return true;
        }

        // Hungarian handles: hWnd, hFile, hProcess, hKey.
        return name.Length > 1 && name[0] == 'h' && char.IsUpper(name[1]);
    }

    public static bool ProducesHandle(string name) =>
        Contains(name, "handle") || Contains(name, "open") || Contains(name, "create") || Contains(name, "loadlibrary") || Contains(name, "duplicate");

    public static bool IsReleaseFunction(string name) =>
        Contains(name, "close") || StartsWith(name, "free") || name.EndsWith("Free", StringComparison.Ordinal) ||
        StartsWith(name, "destroy") || StartsWith(name, "release") || StartsWith(name, "delete") || StartsWith(name, "dispose");

    private static bool Contains(string name, string part) => name.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool StartsWith(string name, string prefix) => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
}
