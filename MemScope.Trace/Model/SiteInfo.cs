namespace MemScopeTrace.Model;

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

    /// <summary>A store to a static field: what it holds at exit is held for the life of the program, not leaked.</summary>
    public bool IsStatic { get; init; }

    /// <summary>
    /// For an allocation passed straight to a constructor that takes ownership of it (`new StreamReader(new MemoryStream())`),
    /// the owner's allocation site: the object belongs to the next object that thread allocates there.
    /// </summary>
    public int? OwnerSite { get; init; }

    /// <summary>Stands for a site id that no site table describes (a trace of an assembly whose table was not found).</summary>
    public static SiteInfo Unknown(int id) => new(id, SiteKind.Unknown, "", "(unknown site)", null, 0, 0, null, null);
}

/// <summary>The kinds of site the weaver writes; their words in the site table are the runtime's WeaverContract.SiteKinds.</summary>
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
