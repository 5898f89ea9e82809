using System.Collections.Generic;
using System.Linq;
using MemScopeFody.Il;
using MemScopeFody.Weaving;
using Mono.Cecil;
using Mono.Cecil.Cil;
using SiteKinds = MemScopeRuntime.WeaverContract.SiteKinds;

namespace MemScopeFody.Concerns;

/// <summary>
/// In tracked methods, each store of a reference to a named local records Bind (with the value it
/// replaces), so does a call that may store into it through out or ref (`map.TryGetValue(key, out var list)`),
/// and every exit of the method, returned or thrown, records ScopeEnd for the locals.
/// </summary>
public sealed class LocalsConcern(WeavingContext context) : MethodConcern(context)
{
    public override bool Enabled => Context.Config.TrackLocals;

    public override void Weave(WovenMethod method)
    {
        var bound = new List<(VariableDefinition Variable, string Name)>();
        foreach (var store in method.Body.Instructions.ToList())
        {
            var variable = InstructionFacts.StoredVariable(method.Body, store);
            if (variable == null || !IsTrackable(method, variable, out string name))
                continue;
            int site = method.AddSite(SiteKinds.Local, store, name, CecilNames.Type(variable.VariableType));
            var code = new List<Instruction> { Instruction.Create(OpCodes.Dup) };
            code.AddRange(Context.Emit.AsObject(variable.VariableType));
            code.Add(Instruction.Create(OpCodes.Ldloc, variable));
            code.AddRange(Context.Emit.AsObject(variable.VariableType));
            code.AddRange(Context.Emit.CallWithSite(Context.Probes.Bind, site));
            Context.Emit.InsertBefore(method.Body, store, code);
            if (!bound.Any(b => b.Variable == variable))
                bound.Add((variable, name));
        }
        BindAfterByRefCalls(method, bound);
        BindRemovedLocals(method);

        if (bound.Count > 0)
            EndScopesOnExit(method, bound);
    }

    /// <summary>
    /// A local whose address goes to a call (out or ref) may hold another object when the call returns. What it held
    /// before is kept aside first; after the call, Bind(now, before) records the change (Bind ignores an unchanged value).
    /// <code>
    /// before = list; found = map.TryGetValue(key, out list); Probe.Bind(list, before, site);
    /// </code>
    /// </summary>
    private void BindAfterByRefCalls(WovenMethod method, List<(VariableDefinition Variable, string Name)> bound)
    {
        foreach (var address in method.Body.Instructions.ToList())
        {
            if (address.OpCode.Code is not (Code.Ldloca or Code.Ldloca_S) || address.Operand is not VariableDefinition variable)
                continue;
            // Generic locals take their address for constrained calls too; only reference-type locals are passed this way alone.
            if (!IsTrackable(method, variable, out string name) || TypeFacts.StorageOf(variable.VariableType) != Storage.Reference)
                continue;
            if (ByRefCallAfter(address) is not { } call)
                continue;
            var before = Context.Emit.AddLocal(method.Body, variable.VariableType);
            Context.Emit.InsertBefore(method.Body, address, new[]
            {
                Instruction.Create(OpCodes.Ldloc, variable),
                Instruction.Create(OpCodes.Stloc, before),
            });
            int site = method.AddSite(SiteKinds.Local, call, name, CecilNames.Type(variable.VariableType));
            var code = new List<Instruction>
            {
                Instruction.Create(OpCodes.Ldloc, variable),
                Instruction.Create(OpCodes.Ldloc, before),
            };
            code.AddRange(Context.Emit.CallWithSite(Context.Probes.Bind, site));
            Context.Emit.InsertAfter(method.Body, call, code);
            if (!bound.Any(b => b.Variable == variable))
                bound.Add((variable, name));
        }
    }

    /// <summary>
    /// An optimising build removes a local that is used once or twice in a row and keeps the value on the stack: a
    /// disposable a call returned (`var handle = File.OpenHandle(path)`) then never reaches a store, and no Bind would
    /// name it. Where the value leaves its statement unstored and the statement declares a variable, the value is bound
    /// to that name from the source. (Allocations are named at their site the same way, by the allocation concern.)
    /// </summary>
    private void BindRemovedLocals(WovenMethod method)
    {
        foreach (var call in InstructionFacts.Calls(method.Body))
        {
            var returned = ((MethodReference)call.Operand).ReturnType;
            if (InstructionFacts.HasPrefix(call) || TypeFacts.StorageOf(returned) != Storage.Reference || !TypeFacts.IsLifecycleWorthTracking(returned))
                continue;
            var flow = method.Follow(call);
            if (flow.TakenBy != null || flow.Holder == null)
                continue; // stored (a local's own Bind names it), passed on, or not declared in its statement
            int site = method.AddSite(SiteKinds.Local, call, flow.Holder, CecilNames.Type(returned));
            var code = new List<Instruction> { Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Ldnull) };
            code.AddRange(Context.Emit.CallWithSite(Context.Probes.Bind, site));
            Context.Emit.InsertAfter(method.Body, call, code);
        }
    }

    /// <summary>The call that takes the address as a by-ref argument: the next call with a by-ref parameter in straight-line code.</summary>
    private static Instruction? ByRefCallAfter(Instruction address)
    {
        int steps = 0;
        for (var next = address.Next; next != null && steps < 64; next = next.Next, steps++)
        {
            var flow = next.OpCode.FlowControl;
            if (flow is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw)
                return null;
            if (next.OpCode.Code is Code.Call or Code.Callvirt or Code.Newobj && next.Operand is MethodReference callee &&
                callee.Parameters.Any(p => p.ParameterType is ByReferenceType))
                return next.Previous?.OpCode.Code == Code.Tail ? null : next;
        }
        return null;
    }

    private void EndScopesOnExit(WovenMethod method, List<(VariableDefinition Variable, string Name)> locals)
    {
        var code = new List<Instruction>();
        foreach (var (variable, name) in locals)
        {
            int site = method.AddSite(SiteKinds.ScopeEnd, (Instruction?)null, name, CecilNames.Type(variable.VariableType));
            code.Add(Instruction.Create(OpCodes.Ldloc, variable));
            code.AddRange(Context.Emit.AsObject(variable.VariableType));
            code.AddRange(Context.Emit.CallWithSite(Context.Probes.ScopeEnd, site));
        }
        Context.Emit.WrapInFinally(method.Method, TryStart(method.Method), code);
    }

    /// <summary>A constructor's try block starts after its base or this constructor call: `this` is unusable before it.</summary>
    private static Instruction TryStart(MethodDefinition method)
    {
        var instructions = method.Body.Instructions;
        if (method.IsConstructor && !method.IsStatic && !method.DeclaringType.IsValueType)
        {
            var chained = instructions.FirstOrDefault(i =>
                i.OpCode == OpCodes.Call && i.Operand is MethodReference callee && callee.Name == ".ctor" &&
                (callee.DeclaringType.Resolve() == method.DeclaringType || callee.DeclaringType.Resolve() == method.DeclaringType.BaseType?.Resolve()));
            if (chained?.Next != null)
                return chained.Next;
        }
        return instructions[0];
    }

    private static bool IsTrackable(WovenMethod method, VariableDefinition variable, out string name)
    {
        if (!method.Method.DebugInformation.TryGetName(variable, out name) || name.Length == 0 || name[0] == '<' || name.StartsWith("CS$"))
            return false;
        return !variable.IsPinned && TypeFacts.StorageOf(variable.VariableType) != Storage.Value;
    }
}
