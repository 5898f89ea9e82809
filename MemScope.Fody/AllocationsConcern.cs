using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace MemScopeFody;

/// <summary>
/// newobj and newarr in tracked methods record Alloc. Arrays and strings are sized exactly from their length,
/// other objects by their type's instance size; classes of this module that tracked code allocates get an id slot.
/// </summary>
public sealed class AllocationsConcern : IMethodConcern
{
    private readonly WeavingContext _context;

    public AllocationsConcern(WeavingContext context) => _context = context;

    public bool Enabled => _context.Config.TrackAllocations;

    public void Weave(WovenMethod method)
    {
        if (!method.IsTracked)
            return;
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
        int site = method.AddSite("alloc", newarr, method.HolderName(newarr), CecilNames.Type(elementType) + "[]");
        var code = new List<Instruction>
        {
            Instruction.Create(OpCodes.Dup),
            Instruction.Create(OpCodes.Sizeof, elementType),
        };
        code.AddRange(_context.Emit.CallWithSite(_context.AllocArray, site));
        _context.Emit.InsertAfter(method.Body, newarr, code);
    }

    /// <summary>Strings, like arrays, are sized from their length: exact, whatever else the runtime allocates meanwhile.</summary>
    private void WeaveString(WovenMethod method, Instruction newobj) => RecordAfter(method, newobj, _context.AllocString, "string");

    private void WeaveObject(WovenMethod method, Instruction newobj)
    {
        var type = ((MethodReference)newobj.Operand).DeclaringType;
        RecordAfter(method, newobj, _context.Alloc, CecilNames.Type(type));
        _context.IdentitySlots.Request(type);
    }

    /// <summary>newobj; dup; probe(object, site): the new object is passed to the probe and left on the stack for its user.</summary>
    private void RecordAfter(WovenMethod method, Instruction newobj, MethodReference probe, string typeName)
    {
        int site = method.AddSite("alloc", newobj, method.HolderName(newobj), typeName);
        var code = new List<Instruction> { Instruction.Create(OpCodes.Dup) };
        code.AddRange(_context.Emit.CallWithSite(probe, site));
        _context.Emit.InsertAfter(method.Body, newobj, code);
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
