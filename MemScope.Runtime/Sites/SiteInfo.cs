namespace MemScopeRuntime.Sites;

/// <summary>What the weaver knew about one injection point. Events refer to it by id.</summary>
public sealed record SiteInfo(
    int Id,
    SiteKind Kind,
    string Assembly,
    string Method,
    string? File,
    int Line,
    int Column,
    string? Name,
    string? DeclaredType)
{
    public string Location => File is null ? Method : $"{File}:{Line}";
}

/// <summary>The kinds of site the weaver writes; their words in the site table are <see cref="WeaverContract.SiteKinds"/>.</summary>
public enum SiteKind
{
    Unknown = 0,
    Alloc,
    Local,
    Field,
    ScopeEnd,
    Dispose,
    Call,
    Native,
    PInvoke,
    Finalizer,
    Event,
}
