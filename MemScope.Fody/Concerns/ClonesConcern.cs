using System.Collections.Generic;
using System.Linq;
using MemScopeFody.Il;
using MemScopeFody.Weaving;
using Mono.Cecil;
using Mono.Cecil.Cil;
using SiteKinds = MemScopeRuntime.WeaverContract.SiteKinds;

namespace MemScopeFody.Concerns;

/// <summary>
/// A clone is a new object. MemberwiseClone copies every field, an injected id field too (a class that clones itself
/// gets none, see <see cref="IdentitySlots"/>, but a woven base class in another assembly may carry one), so without
/// this a clone would carry its original's id. In tracked methods a MemberwiseClone is an allocation site
/// (<c>Probe.AllocClone(clone, site)</c>: a fresh id and an Alloc event); in the rest of the module the clone only
/// drops the copied id (<c>Probe.Cloned(clone)</c>) and gets its own when it is first seen.
/// </summary>
public sealed class ClonesConcern(WeavingContext context) : MethodConcern(context)
{
    public override bool Enabled => Context.Config.TrackAllocations;

    /// <summary>Any class of the module may clone itself, and any may carry an id field.</summary>
    public override bool WeavesUntrackedMethods => true;

    public override void Weave(WovenMethod method)
    {
        foreach (var call in InstructionFacts.Calls(method.Body).Where(IsMemberwiseClone))
        {
            var code = new List<Instruction> { Instruction.Create(OpCodes.Dup) };
            if (method.IsTracked)
            {
                int site = method.AddSite(SiteKinds.Alloc, call, method.HolderName(call), CecilNames.Type(method.Method.DeclaringType));
                code.AddRange(Context.Emit.CallWithSite(Context.Probes.AllocClone, site));
            }
            else
            {
                code.Add(Instruction.Create(OpCodes.Call, Context.Probes.Cloned));
            }
            Context.Emit.InsertAfter(method.Body, call, code);
        }
    }

    private static bool IsMemberwiseClone(Instruction call) => InstructionFacts.IsMemberwiseClone(call) && !InstructionFacts.HasPrefix(call);
}
