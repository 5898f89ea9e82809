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
        foreach (var instruction in method.Body.Instructions.ToList())
        {
            if (instruction.OpCode == OpCodes.Newarr)
                WeaveArray(method, instruction);
            else if (instruction.OpCode == OpCodes.Newobj && ((MethodReference)instruction.Operand).DeclaringType.MetadataType == MetadataType.String)
                WeaveString(method, instruction);
            else if (instruction.OpCode == OpCodes.Newobj && IsHeapObject((MethodReference)instruction.Operand))
                WeaveObject(method, instruction);
        }
    }

    private void WeaveArray(WovenMethod method, Instruction newarr)
    {
        var elementType = (TypeReference)newarr.Operand;
        int site = method.AddSite(SiteKinds.Alloc, newarr, method.HolderName(newarr), CecilNames.Type(elementType) + "[]");
        var code = new List<Instruction>
        {
            Instruction.Create(OpCodes.Dup),
            Instruction.Create(OpCodes.Sizeof, elementType),
        };
        code.AddRange(Context.Emit.CallWithSite(Context.Probes.AllocArray, site));
        Context.Emit.InsertAfter(method.Body, newarr, code);
    }

    /// <summary>Strings, like arrays, are sized from their length: exact, whatever else the runtime allocates meanwhile.</summary>
    private void WeaveString(WovenMethod method, Instruction newobj) => RecordAfter(method, newobj, Context.Probes.AllocString, "string");

    private void WeaveObject(WovenMethod method, Instruction newobj)
    {
        var type = ((MethodReference)newobj.Operand).DeclaringType;
        RecordAfter(method, newobj, Context.Probes.Alloc, CecilNames.Type(type));
        Context.IdentitySlots.Request(type);
    }

    /// <summary>newobj; dup; probe(object, site): the new object is passed to the probe and left on the stack for its user.</summary>
    private void RecordAfter(WovenMethod method, Instruction newobj, MethodReference probe, string typeName)
    {
        int site = method.AddSite(SiteKinds.Alloc, newobj, method.HolderName(newobj), typeName);
        var code = new List<Instruction> { Instruction.Create(OpCodes.Dup) };
        code.AddRange(Context.Emit.CallWithSite(probe, site));
        Context.Emit.InsertAfter(method.Body, newobj, code);
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
