using System.Collections.Generic;
using System.Linq;
using MemScopeFody.Il;
using MemScopeFody.Weaving;
using Mono.Cecil;
using Mono.Cecil.Cil;
using SiteKinds = MemScopeRuntime.WeaverContract.SiteKinds;

namespace MemScopeFody.Concerns;

/// <summary>
/// newobj and newarr in tracked methods record Alloc. Arrays and strings are sized exactly from their length,
/// other objects by their type's instance size; classes of this module that tracked code allocates get an id slot.
/// </summary>
public sealed class AllocationsConcern(WeavingContext context) : MethodConcern(context)
{
    public override bool Enabled => Context.Config.TrackAllocations;

    public override void Weave(WovenMethod method)
    {
        var sites = new Dictionary<Instruction, int>();
        var owned = new List<(int Site, Instruction Owner)>();
        foreach (var instruction in method.Body.Instructions.ToList())
        {
            var flow = method.Follow(instruction);
            int? site = null;
            if (instruction.OpCode == OpCodes.Newarr)
                site = WeaveArray(method, instruction, flow);
            else if (instruction.OpCode == OpCodes.Newobj && ((MethodReference)instruction.Operand).DeclaringType.MetadataType == MetadataType.String)
                site = WeaveString(method, instruction, flow);
            else if (instruction.OpCode == OpCodes.Newobj && IsHeapObject((MethodReference)instruction.Operand))
                site = WeaveObject(method, instruction, flow);
            if (site is not int allocated)
                continue;
            sites[instruction] = allocated;
            if (flow.TakenBy is { } taker && OwningConstructors.TakesOwnership(taker, flow.Argument))
                owned.Add((allocated, taker));
        }
        foreach (var (site, owner) in owned)
        {
            if (sites.TryGetValue(owner, out int ownerSite))
                Context.Sites.Sites[site].Owner = ownerSite;
        }
    }

    private int WeaveArray(WovenMethod method, Instruction newarr, ValueFlow flow)
    {
        var elementType = (TypeReference)newarr.Operand;
        int site = method.AddSite(SiteKinds.Alloc, newarr, flow.Holder, CecilNames.Type(elementType) + "[]");
        var code = new List<Instruction>
        {
            Instruction.Create(OpCodes.Dup),
            Instruction.Create(OpCodes.Sizeof, elementType),
        };
        code.AddRange(Context.Emit.CallWithSite(Context.Probes.AllocArray, site));
        Context.Emit.InsertAfter(method.Body, newarr, code);
        return site;
    }

    /// <summary>Strings, like arrays, are sized from their length: exact, whatever else the runtime allocates meanwhile.</summary>
    private int WeaveString(WovenMethod method, Instruction newobj, ValueFlow flow) => RecordAfter(method, newobj, flow, Context.Probes.AllocString, "string");

    private int WeaveObject(WovenMethod method, Instruction newobj, ValueFlow flow)
    {
        var type = ((MethodReference)newobj.Operand).DeclaringType;
        Context.IdentitySlots.Request(type);
        return RecordAfter(method, newobj, flow, Context.Probes.Alloc, CecilNames.Type(type));
    }

    /// <summary>newobj; dup; probe(object, site): the new object is passed to the probe and left on the stack for its user.</summary>
    private int RecordAfter(WovenMethod method, Instruction newobj, ValueFlow flow, MethodReference probe, string typeName)
    {
        int site = method.AddSite(SiteKinds.Alloc, newobj, flow.Holder, typeName);
        var code = new List<Instruction> { Instruction.Create(OpCodes.Dup) };
        code.AddRange(Context.Emit.CallWithSite(probe, site));
        Context.Emit.InsertAfter(method.Body, newobj, code);
        return site;
    }

    /// <summary>Reference types a developer wrote; not structs, delegates, closures or state machines.</summary>
    private static bool IsHeapObject(MethodReference constructor)
    {
        if (constructor.DeclaringType is ArrayType)
            return true;
        if (TypeFacts.StorageOf(constructor.DeclaringType) != Storage.Reference)
            return false;
        var type = constructor.DeclaringType.Resolve();
        return type != null && !TypeFacts.IsDelegate(type) && !TrackingScope.IsCompilerGenerated(type);
    }
}
