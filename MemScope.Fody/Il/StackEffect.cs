using Mono.Cecil;
using Mono.Cecil.Cil;

namespace MemScopeFody.Il;

/// <summary>How many values an instruction takes off the evaluation stack and puts back.</summary>
public static class StackEffect
{
    public static int Pops(Instruction instruction)
    {
        switch (instruction.OpCode.StackBehaviourPop)
        {
            case StackBehaviour.Pop0:
                return 0;
            case StackBehaviour.Pop1:
            case StackBehaviour.Popi:
            case StackBehaviour.Popref:
                return 1;
            case StackBehaviour.Pop1_pop1:
            case StackBehaviour.Popi_pop1:
            case StackBehaviour.Popi_popi:
            case StackBehaviour.Popi_popi8:
            case StackBehaviour.Popi_popr4:
            case StackBehaviour.Popi_popr8:
            case StackBehaviour.Popref_pop1:
            case StackBehaviour.Popref_popi:
                return 2;
            case StackBehaviour.Popi_popi_popi:
            case StackBehaviour.Popref_popi_popi:
            case StackBehaviour.Popref_popi_popi8:
            case StackBehaviour.Popref_popi_popr4:
            case StackBehaviour.Popref_popi_popr8:
            case StackBehaviour.Popref_popi_popref:
                return 3;
            case StackBehaviour.Varpop:
                return VariablePops(instruction);
            default:
                return int.MaxValue; // PopAll (leave, throw's unwinding): everything goes
        }
    }

    public static int Pushes(Instruction instruction)
    {
        switch (instruction.OpCode.StackBehaviourPush)
        {
            case StackBehaviour.Push0:
                return 0;
            case StackBehaviour.Push1_push1:
                return 2;
            case StackBehaviour.Varpush:
                return instruction.Operand is MethodReference method && (instruction.OpCode.Code == Code.Newobj || method.ReturnType.MetadataType != MetadataType.Void) ? 1 : 0;
            default:
                return 1;
        }
    }

    private static int VariablePops(Instruction instruction)
    {
        switch (instruction.OpCode.Code)
        {
            case Code.Newobj:
                return ((MethodReference)instruction.Operand).Parameters.Count;
            case Code.Call:
            case Code.Callvirt:
                var method = (MethodReference)instruction.Operand;
                return method.Parameters.Count + (method.HasThis ? 1 : 0);
            case Code.Calli:
                var site = (CallSite)instruction.Operand;
                return site.Parameters.Count + (site.HasThis ? 1 : 0) + 1;
            default:
                return int.MaxValue; // ret: the method ends here
        }
    }
}
