namespace MemScopeFody;

/// <summary>One weaving concern (locals, allocations, fields…), applied to each method of the module.</summary>
public interface IMethodConcern
{
    /// <summary>Whether the concern is switched on in FodyWeavers.xml.</summary>
    bool Enabled { get; }

    void Weave(WovenMethod method);
}
