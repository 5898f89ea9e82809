using MemScopeFody.Weaving;

namespace MemScopeFody.Concerns;

/// <summary>One weaving concern (locals, allocations, fields…), applied to each method of the module.</summary>
public abstract class MethodConcern
{
    protected MethodConcern(WeavingContext context) => Context = context;

    protected WeavingContext Context { get; }

    /// <summary>Whether the concern is switched on in FodyWeavers.xml.</summary>
    public abstract bool Enabled { get; }

    /// <summary>Whether <see cref="Weave"/> also sees methods that are not tracked; by default it sees only tracked ones.</summary>
    public virtual bool WeavesUntrackedMethods => false;

    public abstract void Weave(WovenMethod method);
}
