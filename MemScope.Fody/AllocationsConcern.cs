using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace MemScopeFody;

/// <summary>
/// newobj and newarr in tracked methods record Alloc. Arrays and strings are sized exactly from their length;
/// other objects by the bytes the thread allocated while the constructor ran.
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
        VariableDefinition? bytesBefore = null;
        foreach (var instruction in method.Body.Instructions.ToList())
        {
            if (instruction.OpCode == OpCodes.Newarr)
                WeaveArray(method, instruction);
            else if (instruction.OpCode == OpCodes.Newobj && ((MethodReference)instruction.Operand).DeclaringType.MetadataType == MetadataType.String)
                WeaveString(method, instruction);
            else if (instruction.OpCode == OpCodes.Newobj && IsHeapObject((MethodReference)instruction.Operand))
                WeaveObject(method, instruction, bytesBefore ??= _context.Emit.AddLocal(method.Body, _context.TypeSystem.Int64Reference));
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
    private void WeaveString(WovenMethod method, Instruction newobj)
    {
        int site = method.AddSite("alloc", newobj, method.HolderName(newobj), "string");
        var code = new List<Instruction> { Instruction.Create(OpCodes.Dup) };
        code.AddRange(_context.Emit.CallWithSite(_context.AllocString, site));
        _context.Emit.InsertAfter(method.Body, newobj, code);
    }

    private void WeaveObject(WovenMethod method, Instruction newobj, VariableDefinition bytesBefore)
    {
        var constructor = (MethodReference)newobj.Operand;
        int site = method.AddSite("alloc", newobj, method.HolderName(newobj), CecilNames.Type(constructor.DeclaringType));
        var relocated = _context.Emit.InsertBefore(method.Body, newobj, new[]
        {
            Instruction.Create(OpCodes.Call, _context.AllocatedBytes),
            Instruction.Create(OpCodes.Stloc, bytesBefore),
        });
        var after = new List<Instruction>
        {
            Instruction.Create(OpCodes.Dup),
            Instruction.Create(OpCodes.Ldloc, bytesBefore),
        };
        after.AddRange(_context.Emit.CallWithSite(_context.Alloc, site));
        _context.Emit.InsertAfter(method.Body, relocated, after);
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
