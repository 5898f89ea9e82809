using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace MemScopeFody;

/// <summary>
/// Stores to [Tracked] fields and to fields of [Tracked] types record Bind named Type.field, with the
/// value replaced, wherever in the assembly the store happens.
/// </summary>
public sealed class FieldsConcern : IMethodConcern
{
    private readonly WeavingContext _context;

    public FieldsConcern(WeavingContext context) => _context = context;

    public bool Enabled => _context.Config.TrackFields;

    public void Weave(WovenMethod method)
    {
        foreach (var instruction in method.Body.Instructions.ToList())
        {
            if (instruction.OpCode != OpCodes.Stfld && instruction.OpCode != OpCodes.Stsfld)
                continue;
            var reference = (FieldReference)instruction.Operand;
            var field = reference.Resolve();
            if (field == null || field.Module != _context.Module || !_context.Scope.IsTracked(field))
                continue;
            var fieldType = TypeFacts.FieldTypeInContext(reference);
            if (TypeFacts.StorageOf(fieldType) == Storage.Value)
                continue;

            int site = method.AddSite("field", instruction, DisplayName(field), CecilNames.Type(fieldType));
            _context.Emit.InstrumentFieldStore(method.Body, instruction, site);
        }
    }

    private static string DisplayName(FieldDefinition field)
    {
        var property = TrackingScope.BackingFieldProperty(field);
        return CecilNames.ShortType(field.DeclaringType) + "." + (property?.Name ?? field.Name);
    }
}
