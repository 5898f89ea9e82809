using System.Collections.Generic;
using System.Linq;
using MemScopeFody.Il;
using MemScopeFody.Weaving;
using Mono.Cecil;
using Mono.Cecil.Cil;
using SiteKinds = MemScopeRuntime.WeaverContract.SiteKinds;

namespace MemScopeFody.Concerns;

/// <summary>
/// Calls from tracked code to DllImport and LibraryImport methods record entry, exit with duration,
/// and each pointer or SafeHandle argument (a freed block passed to native code is caught here).
/// </summary>
public sealed class PInvokeConcern(WeavingContext context) : MethodConcern(context)
{
    public override bool Enabled => Context.Config.TrackPInvoke;

    public override void Weave(WovenMethod method)
    {
        VariableDefinition? started = null;
        foreach (var call in method.Body.Instructions.Where(i => i.OpCode == OpCodes.Call).ToList())
        {
            var callee = ((MethodReference)call.Operand).Resolve();
            var target = callee == null ? null : NativeTarget.Of(callee);
            if (target == null)
                continue;

            int site = method.AddSite(SiteKinds.PInvoke, call, target.Value.Library + "!" + target.Value.EntryPoint, target.Value.Kind);
            started ??= Context.Emit.AddLocal(method.Body, Context.TypeSystem.Int64Reference);
            var timer = started;
            var relocated = Context.Emit.AroundCall(method.Body, call, arguments => InspectArguments(callee!, arguments, site, timer));
            var exit = new List<Instruction> { Instruction.Create(OpCodes.Ldloc, timer) };
            exit.AddRange(Context.Emit.CallWithSite(Context.Probes.PInvokeExit, site));
            Context.Emit.InsertAfter(method.Body, relocated, exit);
        }
    }

    private IEnumerable<Instruction> InspectArguments(MethodDefinition callee, IReadOnlyList<VariableDefinition> arguments, int site, VariableDefinition timer)
    {
        for (int i = 0; i < callee.Parameters.Count; i++)
        {
            var type = callee.Parameters[i].ParameterType;
            if (TypeFacts.IsAddress(type))
            {
                yield return Instruction.Create(OpCodes.Ldloc, arguments[i]);
                yield return Instruction.Create(OpCodes.Conv_I);
                yield return Instruction.Create(OpCodes.Ldc_I4, i);
                foreach (var instruction in Context.Emit.CallWithSite(Context.Probes.PInvokePointer, site))
                    yield return instruction;
            }
            else if (!(type is ByReferenceType) && TypeFacts.IsSafeHandle(type))
            {
                yield return Instruction.Create(OpCodes.Ldloc, arguments[i]);
                yield return Instruction.Create(OpCodes.Ldc_I4, i);
                foreach (var instruction in Context.Emit.CallWithSite(Context.Probes.PInvokeHandle, site))
                    yield return instruction;
            }
        }
        foreach (var instruction in Context.Emit.CallWithSite(Context.Probes.PInvokeEnter, site))
            yield return instruction;
        yield return Instruction.Create(OpCodes.Stloc, timer);
    }
}
