using MemScopeReports.Analysis;
using MemScopeTrace.Model;

namespace MemScopeCli.Analysis;

/// <summary>
/// What makes two leaks of different runs "the same leak": kind, type, variable and creation site. Object ids
/// and native addresses change on every run, so they never take part.
/// </summary>
internal readonly record struct LeakIdentity(string Kind, string TypeName, string? Variable, string? CreatedAt)
{
    public static LeakIdentity Of(Leak leak) => new(leak.Kind, leak.TypeName, leak.Variable, leak.CreatedAt?.Location);
}
