using System;
using MemScopeTrace.Model;

namespace MemScopeReports.Analysis.Patterns;

/// <summary>
/// Whether a type name names a delegate. The event stream and <see cref="TypeInfo"/> carry names,
/// not types (a recording may come from another process), so this goes by the BCL's delegate families and
/// the naming convention of the rest: *EventHandler, *Handler, *Callback, *Delegate.
/// </summary>
internal static class DelegateNames
{
    private static readonly string[] Families =
    {
        "System.Action", "System.Func", "System.EventHandler", "System.Predicate", "System.Comparison", "System.Converter",
        "System.AsyncCallback", "System.Threading.ThreadStart", "System.Threading.TimerCallback",
    };

    private static readonly string[] Suffixes = { "Handler", "Callback", "Delegate" };

    public static bool LooksLikeDelegate(string? typeName)
    {
        if (string.IsNullOrEmpty(typeName))
            return false;
        string plain = WithoutGenericArguments(typeName);
        foreach (var family in Families)
        {
            if (plain == family || (plain.StartsWith(family, StringComparison.Ordinal) && IsArityMark(plain[family.Length])))
                return true;
        }
        foreach (var suffix in Suffixes)
        {
            if (plain.EndsWith(suffix, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static string WithoutGenericArguments(string name)
    {
        int bracket = name.IndexOf('<');
        return bracket < 0 ? name : name.Substring(0, bracket);
    }

    /// <summary>Action`2 and Func`3 are the same families as Action and Func; ActionFilter is not.</summary>
    private static bool IsArityMark(char c) => c == '`';
}
