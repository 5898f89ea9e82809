using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace MemScopeFody;

/// <summary>
/// `publisher.Changed += handler` and `-=` in tracked code record who subscribed to whose event, so the analysis
/// can name a subscriber kept alive by a longer-lived publisher (the classic event-handler leak).
/// </summary>
public sealed class EventSubscriptionsConcern : IMethodConcern
{
    private readonly WeavingContext _context;

    public EventSubscriptionsConcern(WeavingContext context) => _context = context;

    public bool Enabled => _context.Config.TrackEvents;

    public void Weave(WovenMethod method)
    {
        if (!method.IsTracked)
            return;
        foreach (var call in method.Body.Instructions.Where(i => i.OpCode == OpCodes.Call || i.OpCode == OpCodes.Callvirt).ToList())
        {
            var callee = (MethodReference)call.Operand;
            var accessor = callee.Resolve();
            if (accessor == null || !(accessor.IsAddOn || accessor.IsRemoveOn) || callee.Parameters.Count != 1 || IsPrefixed(call))
                continue;
            if (callee.HasThis && callee.DeclaringType.IsValueType)
                continue;

            var evt = accessor.DeclaringType.Events.First(e => e.AddMethod == accessor || e.RemoveMethod == accessor);
            var probe = accessor.IsAddOn ? _context.Subscribe : _context.Unsubscribe;
            int site = method.AddSite("event", call, CecilNames.ShortType(callee.DeclaringType) + "." + evt.Name, CecilNames.Type(evt.EventType));
            _context.Emit.AroundCall(method.Body, call, arguments =>
            {
                var code = new List<Instruction>
                {
                    callee.HasThis ? Instruction.Create(OpCodes.Ldloc, arguments[0]) : Instruction.Create(OpCodes.Ldnull),
                    Instruction.Create(OpCodes.Ldloc, arguments[callee.HasThis ? 1 : 0]),
                };
                code.AddRange(_context.Emit.CallWithSite(probe, site));
                return code;
            });
        }
    }

    private static bool IsPrefixed(Instruction call) =>
        call.Previous != null && call.Previous.OpCode.OpCodeType == OpCodeType.Prefix;
}
