using System.Collections.Generic;
using System.Linq;
using MemScopeFody.Il;
using MemScopeFody.Weaving;
using Mono.Cecil;
using Mono.Cecil.Cil;
using SiteKinds = MemScopeRuntime.WeaverContract.SiteKinds;

namespace MemScopeFody.Concerns;

/// <summary>
/// Allocations in tracked methods record Alloc: newobj and newarr, and the calls that return a new object
/// (GC.AllocateArray, GC.AllocateUninitializedArray, Array.CreateInstance, Array.Clone, string.Create,
/// RuntimeHelpers.GetUninitializedObject, Activator.CreateInstance). Each is recorded after it returned, with the new
/// object left on the stack for its user. Arrays and strings are sized exactly from their length, other objects by
/// their type's instance size; classes of this module that tracked code constructs get an id slot.
/// MemberwiseClone is <see cref="ClonesConcern"/>'s.
/// </summary>
public sealed class AllocationsConcern(WeavingContext context) : MethodConcern(context)
{
    /// <summary>What an allocating call returns, and so how its result is recorded.</summary>
    private enum Returns
    {
        Nothing,
        /// <summary>T[] of the call's type argument: sized like newarr.</summary>
        ArrayOfTypeArgument,
        String,
        /// <summary>An array or object whose shape only the run time knows.</summary>
        AnyObject,
        /// <summary>The call's type argument T: a class, or a generic parameter that may turn out to be a struct.</summary>
        TypeArgument,
    }

    public override bool Enabled => Context.Config.TrackAllocations;

    public override void Weave(WovenMethod method)
    {
        var sites = new Dictionary<Instruction, int>();
        var owned = new List<(int Site, Instruction Owner)>();
        foreach (var instruction in method.Body.Instructions.ToList())
        {
            int? site = null;
            if (instruction.OpCode == OpCodes.Newarr)
                site = WeaveArray(method, instruction);
            else if (instruction.OpCode == OpCodes.Newobj && ((MethodReference)instruction.Operand).DeclaringType.MetadataType == MetadataType.String)
                site = WeaveString(method, instruction);
            else if (instruction.OpCode == OpCodes.Newobj && ((MethodReference)instruction.Operand).DeclaringType is ArrayType)
                site = RecordAfter(method, instruction, Context.Probes.AllocAny, CecilNames.Type(((MethodReference)instruction.Operand).DeclaringType));
            else if (instruction.OpCode == OpCodes.Newobj && IsHeapObject((MethodReference)instruction.Operand))
                site = WeaveObject(method, instruction);
            else if ((instruction.OpCode == OpCodes.Call || instruction.OpCode == OpCodes.Callvirt) && !IsTailCall(instruction))
                site = WeaveAllocatingCall(method, instruction);
            if (site is not int allocated)
                continue;
            sites[instruction] = allocated;
            // The recording code just inserted leaves the stack as it was: the new object's way on is unchanged.
            var flow = method.Follow(instruction);
            if (flow.TakenBy is { } taker && OwningConstructors.TakesOwnership(taker, flow.Argument))
                owned.Add((allocated, taker));
        }
        foreach (var (site, owner) in owned)
        {
            if (sites.TryGetValue(owner, out int ownerSite))
                Context.Sites.Sites[site].Owner = ownerSite;
        }
    }

    private int WeaveArray(WovenMethod method, Instruction newarr)
    {
        var elementType = (TypeReference)newarr.Operand;
        return RecordArrayAfter(method, newarr, elementType);
    }

    /// <summary>newarr/AllocateArray; dup; sizeof(T); AllocArray(array, size, site).</summary>
    private int RecordArrayAfter(WovenMethod method, Instruction allocation, TypeReference elementType)
    {
        int site = method.AddSite(SiteKinds.Alloc, allocation, method.HolderName(allocation), CecilNames.Type(elementType) + "[]");
        var code = new List<Instruction>
        {
            Instruction.Create(OpCodes.Dup),
            Instruction.Create(OpCodes.Sizeof, elementType),
        };
        code.AddRange(Context.Emit.CallWithSite(Context.Probes.AllocArray, site));
        Context.Emit.InsertAfter(method.Body, allocation, code);
        return site;
    }

    /// <summary>Strings, like arrays, are sized from their length: exact, whatever else the runtime allocates meanwhile.</summary>
    private int WeaveString(WovenMethod method, Instruction newobj) => RecordAfter(method, newobj, Context.Probes.AllocString, "string");

    private int WeaveObject(WovenMethod method, Instruction newobj)
    {
        var type = ((MethodReference)newobj.Operand).DeclaringType;
        Context.IdentitySlots.Request(type);
        return RecordAfter(method, newobj, Context.Probes.Alloc, CecilNames.Type(type));
    }

    private int? WeaveAllocatingCall(WovenMethod method, Instruction call)
    {
        var callee = (MethodReference)call.Operand;
        switch (ReturnsOf(callee))
        {
            case Returns.ArrayOfTypeArgument:
                return RecordArrayAfter(method, call, ((GenericInstanceMethod)callee).GenericArguments[0]);
            case Returns.String:
                return RecordAfter(method, call, Context.Probes.AllocString, "string");
            case Returns.AnyObject:
                return RecordAfter(method, call, Context.Probes.AllocAny, CecilNames.Type(callee.ReturnType));
            case Returns.TypeArgument:
                var type = ((GenericInstanceMethod)callee).GenericArguments[0];
                return TypeFacts.StorageOf(type) != Storage.Value ? RecordAfter(method, call, Context.Probes.AllocAny, CecilNames.Type(type), type) : null;
            default:
                return null;
        }
    }

    /// <summary>The allocating APIs, by declaring type and name; anything else returns <see cref="Returns.Nothing"/>.</summary>
    private static Returns ReturnsOf(MethodReference callee)
    {
        bool generic = callee is GenericInstanceMethod;
        switch (callee.DeclaringType.FullName + "::" + callee.Name)
        {
            case "System.GC::AllocateArray":
            case "System.GC::AllocateUninitializedArray":
                return generic ? Returns.ArrayOfTypeArgument : Returns.Nothing;
            case "System.Array::CreateInstance":
            case "System.Array::CreateInstanceFromArrayType":
            case "System.Array::Clone":
            case "System.Runtime.CompilerServices.RuntimeHelpers::GetUninitializedObject":
            case "System.Runtime.Serialization.FormatterServices::GetUninitializedObject":
            case "System.Runtime.Serialization.FormatterServices::GetSafeUninitializedObject":
                return Returns.AnyObject;
            case "System.String::Create":
                return callee.ReturnType.MetadataType == MetadataType.String ? Returns.String : Returns.Nothing;
            case "System.Activator::CreateInstance":
                // Overloads taking assembly and type names return an ObjectHandle, not the object.
                return generic ? Returns.TypeArgument : callee.ReturnType.MetadataType == MetadataType.Object ? Returns.AnyObject : Returns.Nothing;
            default:
                return Returns.Nothing;
        }
    }

    /// <summary>
    /// allocation; dup; [box T;] probe(object, site): the new object is passed to the probe and left on the stack for its
    /// user. A generic <paramref name="resultType"/> is boxed to pass it as object (a no-op for a class; a struct's box is ignored).
    /// </summary>
    private int RecordAfter(WovenMethod method, Instruction allocation, MethodReference probe, string typeName, TypeReference? resultType = null)
    {
        int site = method.AddSite(SiteKinds.Alloc, allocation, method.HolderName(allocation), typeName);
        var code = new List<Instruction> { Instruction.Create(OpCodes.Dup) };
        if (resultType != null)
            code.AddRange(Context.Emit.AsObject(resultType));
        code.AddRange(Context.Emit.CallWithSite(probe, site));
        Context.Emit.InsertAfter(method.Body, allocation, code);
        return site;
    }

    /// <summary>A tail call must be followed by ret: nothing can be recorded after it.</summary>
    private static bool IsTailCall(Instruction call) => InstructionFacts.HasPrefix(call) && call.Previous.OpCode == OpCodes.Tail;

    /// <summary>Reference types a developer wrote; not structs, delegates, closures or state machines.</summary>
    private static bool IsHeapObject(MethodReference constructor)
    {
        if (TypeFacts.StorageOf(constructor.DeclaringType) != Storage.Reference)
            return false;
        var type = constructor.DeclaringType.Resolve();
        return type != null && !TypeFacts.IsDelegate(type) && !TrackingScope.IsCompilerGenerated(type);
    }
}
