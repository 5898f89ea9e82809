using System.Linq;
using MemScopeFody.Il;
using MemScopeFody.Weaving;
using Mono.Cecil;
using Mono.Cecil.Cil;
using SiteKinds = MemScopeRuntime.WeaverContract.SiteKinds;

namespace MemScopeFody.Concerns;

/// <summary>
/// Stores to [Tracked] fields and to fields of [Tracked] types record Bind named Type.field, with the
/// value replaced, wherever in the assembly the store happens.
/// </summary>
public sealed class FieldsConcern(WeavingContext context) : MethodConcern(context)
{
    public override bool Enabled => Context.Config.TrackFields;

    /// <summary>A tracked field's stores count wherever in the assembly they happen.</summary>
    public override bool WeavesUntrackedMethods => true;

    public override void Weave(WovenMethod method)
    {
        foreach (var instruction in method.Body.Instructions.ToList())
        {
            if (instruction.OpCode != OpCodes.Stfld && instruction.OpCode != OpCodes.Stsfld)
                continue;
            var reference = (FieldReference)instruction.Operand;
            var field = reference.Resolve();
            if (field == null || field.Module != Context.Module || !Context.Scope.IsTracked(field))
                continue;
            var fieldType = TypeFacts.FieldTypeInContext(reference);
            if (TypeFacts.StorageOf(fieldType) == Storage.Value)
                continue;

            int site = method.AddSite(SiteKinds.Field, instruction, DisplayName(field), CecilNames.Type(fieldType));
            Context.Sites.Sites[site].IsStatic = field.IsStatic;
            Context.Emit.InstrumentFieldStore(method.Body, instruction, site);
        }
    }

    private static string DisplayName(FieldDefinition field)
    {
        var property = TrackingScope.BackingFieldProperty(field);
        return CecilNames.ShortType(field.DeclaringType) + "." + (property?.Name ?? field.Name);
    }
}
