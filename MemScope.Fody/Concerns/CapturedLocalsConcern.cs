using System;
using System.Collections.Generic;
using System.Linq;
using MemScopeFody.Il;
using MemScopeFody.Weaving;
using Mono.Cecil;
using Mono.Cecil.Cil;
using SiteKinds = MemScopeRuntime.WeaverContract.SiteKinds;

namespace MemScopeFody.Concerns;

/// <summary>
/// Locals the compiler moved into fields: hoisted locals of async methods and iterators
/// (&lt;name&gt;5__N on the state machine) and variables captured by lambdas (fields of a closure class).
/// Their stores record Bind under the source name; a state machine's locals end their scope when
/// it completes (async: SetResult/SetException; iterators: Dispose).
/// </summary>
public sealed class CapturedLocalsConcern(WeavingContext context) : MethodConcern(context)
{
    public override bool Enabled => Context.Config.TrackLocals;

    public override void Weave(WovenMethod method)
    {
        foreach (var store in method.Body.Instructions.Where(i => i.OpCode == OpCodes.Stfld).ToList())
        {
            var reference = (FieldReference)store.Operand;
            var field = reference.Resolve();
            if (field == null || field.Module != Context.Module)
                continue;
            string? name = SourceName(field);
            var fieldType = TypeFacts.FieldTypeInContext(reference);
            if (name == null || TypeFacts.StorageOf(fieldType) == Storage.Value)
                continue;
            int site = method.AddSite(SiteKinds.Local, store, name, CecilNames.Type(fieldType));
            Context.Emit.InstrumentFieldStore(method.Body, store, site);
        }

        var machine = method.Method.DeclaringType;
        if (Context.Scope.StateMachineOwner(machine) != null)
            EndHoistedScopes(method, machine);
    }

    private void EndHoistedScopes(WovenMethod method, TypeDefinition machine)
    {
        var hoisted = machine.Fields.Where(f => HoistedName(f) != null && TypeFacts.StorageOf(f.FieldType) != Storage.Value).ToList();
        if (hoisted.Count == 0)
            return;

        IEnumerable<Instruction> exits;
        if (method.Method.Name == "MoveNext")
            exits = method.Body.Instructions.Where(InstructionFacts.IsAsyncCompletion).ToList();
        else if (method.Method.Name.EndsWith("IDisposable.Dispose", StringComparison.Ordinal))
            exits = new[] { method.Body.Instructions[0] };
        else
            return;

        foreach (var exit in exits)
        {
            var code = new List<Instruction>();
            foreach (var field in hoisted)
            {
                int site = method.AddSite(SiteKinds.ScopeEnd, (Instruction?)null, HoistedName(field), CecilNames.Type(field.FieldType));
                code.AddRange(Context.Emit.ScopeEndOfField(TypeFacts.OwnField(field), field.FieldType, site));
            }
            Context.Emit.InsertBefore(method.Body, exit, code);
        }
    }

    /// <summary>The name a developer gave the variable this field holds, or null if it is not a captured local.</summary>
    private static string? SourceName(FieldDefinition field)
    {
        var hoisted = HoistedName(field);
        if (hoisted != null)
            return hoisted;
        bool isClosure = field.DeclaringType.Name.StartsWith("<>c__DisplayClass", StringComparison.Ordinal);
        return isClosure && !field.Name.StartsWith("<", StringComparison.Ordinal) ? field.Name : null;
    }

    /// <summary>"&lt;items&gt;5__2" → "items"; compiler names for hoisted locals.</summary>
    private static string? HoistedName(FieldDefinition field)
    {
        string name = field.Name;
        int close = name.IndexOf('>');
        return name.StartsWith("<", StringComparison.Ordinal) && close > 1 && name.IndexOf("5__", close, StringComparison.Ordinal) == close + 1
            ? name.Substring(1, close - 1)
            : null;
    }
}
