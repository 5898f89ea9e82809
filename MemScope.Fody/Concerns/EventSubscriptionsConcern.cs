using System.Collections.Generic;
using System.Linq;
using MemScopeFody.Il;
using MemScopeFody.Weaving;
using Mono.Cecil;
using Mono.Cecil.Cil;
using SiteKinds = MemScopeRuntime.WeaverContract.SiteKinds;

namespace MemScopeFody.Concerns;

/// <summary>
/// `publisher.Changed += handler` and `-=` in tracked code record who subscribed to whose event, so the analysis
/// can name a subscriber kept alive by a longer-lived publisher (the classic event-handler leak).
/// </summary>
public sealed class EventSubscriptionsConcern(WeavingContext context) : MethodConcern(context)
{
    public override bool Enabled => Context.Config.TrackEvents;

    public override void Weave(WovenMethod method)
    {
        foreach (var call in InstructionFacts.Calls(method.Body))
        {
            var callee = (MethodReference)call.Operand;
            var accessor = callee.Resolve();
            if (accessor == null || !(accessor.IsAddOn || accessor.IsRemoveOn) || callee.Parameters.Count != 1 || InstructionFacts.HasPrefix(call))
                continue;
            if (callee.HasThis && callee.DeclaringType.IsValueType)
                continue;

            var evt = accessor.DeclaringType.Events.First(e => e.AddMethod == accessor || e.RemoveMethod == accessor);
            var probe = accessor.IsAddOn ? Context.Probes.Subscribe : Context.Probes.Unsubscribe;
            int site = method.AddSite(SiteKinds.Event, call, CecilNames.ShortType(callee.DeclaringType) + "." + evt.Name, CecilNames.Type(evt.EventType));
            Context.Emit.AroundCall(method.Body, call, arguments =>
            {
                var code = new List<Instruction>
                {
                    callee.HasThis ? Instruction.Create(OpCodes.Ldloc, arguments[0]) : Instruction.Create(OpCodes.Ldnull),
                    Instruction.Create(OpCodes.Ldloc, arguments[callee.HasThis ? 1 : 0]),
                };
                code.AddRange(Context.Emit.CallWithSite(probe, site));
                return code;
            });
        }
    }
}
