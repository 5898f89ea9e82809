namespace MemScopeAnalyzers.Infrastructure;

internal enum LifetimeOutcome
{
    /// <summary>The graph could not be matched to the operation; say nothing.</summary>
    Unknown,

    /// <summary>Released on every path.</summary>
    Released,

    /// <summary>Handed to another owner (returned, stored, captured, given away).</summary>
    Escapes,

    /// <summary>Some path reaches the exit holding the only reference.</summary>
    Leaked,
}
