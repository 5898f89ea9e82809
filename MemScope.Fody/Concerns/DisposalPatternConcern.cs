using System.Collections.Generic;
using System.Linq;
using MemScopeFody.Il;
using MemScopeFody.Weaving;
using Mono.Cecil;
using Mono.Cecil.Cil;
using SiteKinds = MemScopeRuntime.WeaverContract.SiteKinds;

namespace MemScopeFody.Concerns;

/// <summary>
/// Tracked disposable types record their own disposal, wherever it is called from, through every method of the
/// dispose pattern: Dispose(), Close(), Dispose(bool) when disposing is true, DisposeAsync(), DisposeAsyncCore() and
/// explicit IDisposable/IAsyncDisposable implementations. So a disposal reached through an unwoven base class counts
/// (Stream.Dispose() → Stream.Close() → the woven override Dispose(true)). Each such method is bracketed:
/// <code>
/// bool entered = Probe.DisposeEnter(this, site);       // Dispose(bool): Probe.DisposeEnter(this, disposing, site)
/// try { …body… } finally { Probe.DisposeExit(this, entered); }
/// </code>
/// The runtime records only the outermost of the disposal methods running for one object, so Dispose() → Close() →
/// Dispose(true) is one disposal, while a later disposal, by whatever method, is a second one. An async disposal
/// method runs until its task completes: its exit is woven where its state machine completes, not in the method.
/// Finalizers record that they ran.
/// </summary>
public sealed class DisposalPatternConcern(WeavingContext context) : MethodConcern(context)
{
    private const string AsyncStateMachineAttribute = "System.Runtime.CompilerServices.AsyncStateMachineAttribute";

    /// <summary>The compiler's name for the field of an async state machine that holds `this`.</summary>
    private const string HoistedThis = "<>4__this";

    private enum Entry
    {
        None,
        /// <summary>Dispose(), Close(), DisposeAsync(), DisposeAsyncCore(), explicit implementations.</summary>
        Parameterless,
        /// <summary>Dispose(bool disposing).</summary>
        DisposingFlag,
    }

    public override bool Enabled => Context.Config.TrackDisposables;

    public override void Weave(WovenMethod method)
    {
        var m = method.Method;
        if (m.IsStatic)
            return;
        // A Release build makes async state machines structs: look for them before leaving value types out.
        if (m.Name == "MoveNext" && Context.Scope.StateMachineOwner(m.DeclaringType) is { } kickoff)
        {
            if (AsyncDisposalThis(kickoff) is { } hoistedThis)
                ExitWhereTheMachineCompletes(method, hoistedThis);
            return;
        }
        if (m.DeclaringType.IsValueType || !TypeFacts.IsDisposable(m.DeclaringType))
            return;
        var entry = EntryOf(m);
        if (entry != Entry.None)
            WeaveEntry(method, entry);
        else if (m.Name == "Finalize" && m.Parameters.Count == 0 && m.IsVirtual)
            WeaveFinalizer(method);
    }

    private static Entry EntryOf(MethodDefinition method)
    {
        string name = method.Name;
        if (method.Parameters.Count == 0 &&
            (name == "Dispose" || name == "Close" || name == "DisposeAsync" || name == "DisposeAsyncCore" ||
             name.EndsWith(".Dispose") || name.EndsWith(".DisposeAsync")))
            return Entry.Parameterless;
        if (name == "Dispose" && method.Parameters.Count == 1 && method.Parameters[0].ParameterType.MetadataType == MetadataType.Boolean)
            return Entry.DisposingFlag;
        return Entry.None;
    }

    private void WeaveEntry(WovenMethod method, Entry entry)
    {
        var m = method.Method;
        MarkRecordsDisposal(m.DeclaringType);
        int site = method.AddSite(SiteKinds.Dispose, SourceOf(method), CecilNames.ShortType(m.DeclaringType), CecilNames.Type(m.DeclaringType));

        var enter = new List<Instruction> { Instruction.Create(OpCodes.Ldarg_0) };
        if (entry == Entry.DisposingFlag)
            enter.Add(Instruction.Create(OpCodes.Ldarg_1));
        enter.AddRange(Context.Emit.CallWithSite(entry == Entry.DisposingFlag ? Context.Probes.DisposeEnterIfDisposing : Context.Probes.DisposeEnter, site));

        if (AsyncDisposalThis(m) != null)
        {
            // The exit is woven into the state machine, where the returned task completes.
            enter.Add(Instruction.Create(OpCodes.Pop));
            Context.Emit.Prepend(m.Body, enter);
            return;
        }

        var entered = Context.Emit.AddLocal(m.Body, Context.TypeSystem.BooleanReference);
        enter.Add(Instruction.Create(OpCodes.Stloc, entered));
        var tryStart = m.Body.Instructions[0];
        Context.Emit.Prepend(m.Body, enter);
        Context.Emit.WrapInFinally(m, tryStart, new[]
        {
            Instruction.Create(OpCodes.Ldarg_0),
            Instruction.Create(OpCodes.Ldloc, entered),
            Instruction.Create(OpCodes.Call, Context.Probes.DisposeExit),
        });
    }

    /// <summary>Before each builder.SetResult/SetException: Probe.DisposeExit(this.&lt;&gt;4__this, true).</summary>
    private void ExitWhereTheMachineCompletes(WovenMethod method, FieldDefinition hoistedThis)
    {
        foreach (var completion in method.Body.Instructions.Where(InstructionFacts.IsAsyncCompletion).ToList())
        {
            Context.Emit.InsertBefore(method.Body, completion, new[]
            {
                Instruction.Create(OpCodes.Ldarg_0),
                Instruction.Create(OpCodes.Ldfld, TypeFacts.OwnField(hoistedThis)),
                Instruction.Create(OpCodes.Ldc_I4_1),
                Instruction.Create(OpCodes.Call, Context.Probes.DisposeExit),
            });
        }
    }

    /// <summary>
    /// The state machine field holding `this` when <paramref name="method"/> is an async disposal method of a disposable
    /// class (its disposal lasts until its task completes); null for any other method, or when the compiler did not keep `this`.
    /// </summary>
    private FieldDefinition? AsyncDisposalThis(MethodDefinition method)
    {
        if (method.IsStatic || method.DeclaringType.IsValueType || EntryOf(method) != Entry.Parameterless || !TypeFacts.IsDisposable(method.DeclaringType))
            return null;
        return AsyncMachineOf(method)?.Fields.FirstOrDefault(f => f.Name == HoistedThis);
    }

    /// <summary>The state machine of an async method, or null.</summary>
    private static TypeDefinition? AsyncMachineOf(MethodDefinition method)
    {
        var attribute = method.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == AsyncStateMachineAttribute);
        return attribute?.ConstructorArguments.Count == 1 && attribute.ConstructorArguments[0].Value is TypeReference machine ? machine.Resolve() : null;
    }

    private void WeaveFinalizer(WovenMethod method)
    {
        var m = method.Method;
        int site = method.AddSite(SiteKinds.Finalizer, method.Source.For(m.Body.Instructions[0]), CecilNames.ShortType(m.DeclaringType), CecilNames.Type(m.DeclaringType));
        var code = new List<Instruction> { Instruction.Create(OpCodes.Ldarg_0) };
        code.AddRange(Context.Emit.CallWithSite(Context.Probes.Finalizing, site));
        Context.Emit.InsertBefore(m.Body, m.Body.Instructions[0], code);
    }

    /// <summary>Where the disposal method starts; an async one's lines are in its state machine.</summary>
    private SequencePoint? SourceOf(WovenMethod method)
    {
        var point = method.Source.For(method.Body.Instructions[0]);
        if (point != null)
            return point;
        var moveNext = AsyncMachineOf(method.Method)?.Methods.FirstOrDefault(m => m.Name == "MoveNext");
        return moveNext == null ? null : new SourceMap(moveNext).FirstPoint;
    }

    private void MarkRecordsDisposal(TypeDefinition type)
    {
        if (!type.CustomAttributes.Any(a => a.AttributeType.FullName == MemScopeRuntime.WeaverContract.RecordsDisposalAttributeType))
            type.CustomAttributes.Add(new CustomAttribute(Context.Probes.RecordsDisposalConstructor));
    }
}
