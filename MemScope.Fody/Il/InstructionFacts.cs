using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace MemScopeFody.Il;

/// <summary>What an instruction does, read the same way by every weaving concern.</summary>
public static class InstructionFacts
{
    /// <summary>The local a ldloc (any form) reads, or null.</summary>
    public static VariableDefinition? LoadedVariable(MethodBody body, Instruction instruction)
    {
        switch (instruction.OpCode.Code)
        {
            case Code.Ldloc_0: return body.Variables[0];
            case Code.Ldloc_1: return body.Variables[1];
            case Code.Ldloc_2: return body.Variables[2];
            case Code.Ldloc_3: return body.Variables[3];
            case Code.Ldloc:
            case Code.Ldloc_S:
                return (VariableDefinition)instruction.Operand;
            default:
                return null;
        }
    }

    /// <summary>The local a stloc (any form) writes, or null.</summary>
    public static VariableDefinition? StoredVariable(MethodBody body, Instruction instruction)
    {
        switch (instruction.OpCode.Code)
        {
            case Code.Stloc_0: return body.Variables[0];
            case Code.Stloc_1: return body.Variables[1];
            case Code.Stloc_2: return body.Variables[2];
            case Code.Stloc_3: return body.Variables[3];
            case Code.Stloc:
            case Code.Stloc_S:
                return (VariableDefinition)instruction.Operand;
            default:
                return null;
        }
    }

    /// <summary>constrained./tail./readonly. bind to the next instruction: nothing may be inserted between.</summary>
    public static bool HasPrefix(Instruction instruction) =>
        instruction.Previous != null && instruction.Previous.OpCode.OpCodeType == OpCodeType.Prefix;

    /// <summary>The call and callvirt instructions of the body, as a list that stays valid while code is inserted.</summary>
    public static List<Instruction> Calls(MethodBody body) =>
        body.Instructions.Where(i => i.OpCode == OpCodes.Call || i.OpCode == OpCodes.Callvirt).ToList();

    /// <summary>builder.SetResult(…) or builder.SetException(…) on any async method builder: where an async method completes.</summary>
    public static bool IsAsyncCompletion(Instruction instruction) =>
        instruction.OpCode == OpCodes.Call && instruction.Operand is MethodReference callee &&
        (callee.Name == "SetResult" || callee.Name == "SetException") &&
        callee.DeclaringType.Name.Contains("MethodBuilder");

    /// <summary>A call of object.MemberwiseClone(): a copy of every field of the object, an injected one too.</summary>
    public static bool IsMemberwiseClone(Instruction call) =>
        (call.OpCode == OpCodes.Call || call.OpCode == OpCodes.Callvirt) &&
        call.Operand is MethodReference { Name: "MemberwiseClone", HasParameters: false } callee &&
        callee.DeclaringType.MetadataType == MetadataType.Object;
}
