using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace MemScopeFody.Il;

/// <summary>
/// The one place that inserts IL. Every insertion keeps branches, exception handlers and sequence
/// points that pointed at an instruction pointing at the code that now runs first in its place.
/// </summary>
public sealed class IlEmitter
{
    private readonly ModuleDefinition _module;
    private readonly ProbeMethods _probes;
    private readonly FieldReference _firstSite;
    private readonly TypeReference _object;

    /// <param name="firstSite">The static field holding this assembly's first global site id.</param>
    /// <param name="objectType">System.Object as the module refers to it.</param>
    public IlEmitter(ModuleDefinition module, ProbeMethods probes, FieldReference firstSite, TypeReference objectType)
    {
        _module = module;
        _probes = probes;
        _firstSite = firstSite;
        _object = objectType;
    }

    /// <summary>Pushes the global id of a site: this assembly's first id plus the local index.</summary>
    public IEnumerable<Instruction> LoadSite(int localSite)
    {
        yield return Instruction.Create(OpCodes.Ldsfld, _firstSite);
        yield return Instruction.Create(OpCodes.Ldc_I4, localSite);
        yield return Instruction.Create(OpCodes.Add);
    }

    /// <summary>Calls a Probe method whose last parameter is the site id; its other arguments are already on the stack.</summary>
    public IEnumerable<Instruction> CallWithSite(MethodReference probe, int localSite)
    {
        foreach (var instruction in LoadSite(localSite))
            yield return instruction;
        yield return Instruction.Create(OpCodes.Call, probe);
    }

    /// <summary>Converts the value on the stack to object: a box for generic parameters, nothing for references.</summary>
    public IEnumerable<Instruction> AsObject(TypeReference type)
    {
        if (TypeFacts.StorageOf(type) == Storage.Generic)
            yield return Instruction.Create(OpCodes.Box, type);
    }

    /// <summary>
    /// Runs <paramref name="code"/> just before <paramref name="target"/>. The target instruction object
    /// becomes the first inserted instruction, so every jump to the target now runs the inserted code;
    /// the returned instruction is the target's relocated copy.
    /// </summary>
    public Instruction InsertBefore(MethodBody body, Instruction target, IEnumerable<Instruction> code)
    {
        var inserted = code.ToList();
        if (inserted.Count == 0)
            return target;

        var relocated = Instruction.Create(OpCodes.Nop);
        relocated.OpCode = target.OpCode;
        relocated.Operand = target.Operand;

        target.OpCode = inserted[0].OpCode;
        target.Operand = inserted[0].Operand;

        int index = body.Instructions.IndexOf(target);
        for (int i = 1; i < inserted.Count; i++)
            body.Instructions.Insert(index + i, inserted[i]);
        body.Instructions.Insert(index + inserted.Count, relocated);
        return relocated;
    }

    /// <summary>
    /// Puts <paramref name="code"/> in front of the method body. Unlike <see cref="InsertBefore"/>, branches and exception
    /// handlers that start at the first instruction keep starting there, after the new code: a loop back to the start
    /// of the body does not run it again, and it stays outside a try block that starts the body.
    /// </summary>
    public void Prepend(MethodBody body, IEnumerable<Instruction> code)
    {
        int index = 0;
        foreach (var instruction in code)
            body.Instructions.Insert(index++, instruction);
    }

    /// <summary>Runs <paramref name="code"/> right after <paramref name="anchor"/>, which must fall through.</summary>
    public void InsertAfter(MethodBody body, Instruction anchor, IEnumerable<Instruction> code)
    {
        int index = body.Instructions.IndexOf(anchor);
        foreach (var instruction in code)
            body.Instructions.Insert(++index, instruction);
    }

    /// <summary>
    /// Wraps the method from <paramref name="tryStart"/> to its end in try/finally with <paramref name="finallyCode"/>,
    /// so it runs on every exit, returned or thrown. Each ret becomes a leave to one shared return.
    /// </summary>
    public void WrapInFinally(MethodDefinition method, Instruction tryStart, IReadOnlyList<Instruction> finallyCode)
    {
        var body = method.Body;
        bool returnsValue = method.ReturnType.MetadataType != MetadataType.Void;
        VariableDefinition? result = returnsValue ? new VariableDefinition(method.ReturnType) : null;
        if (result != null)
            body.Variables.Add(result);

        var exit = returnsValue ? Instruction.Create(OpCodes.Ldloc, result) : Instruction.Create(OpCodes.Ret);
        foreach (var ret in body.Instructions.Where(i => i.OpCode == OpCodes.Ret).ToList())
        {
            if (result == null)
            {
                ret.OpCode = OpCodes.Leave;
                ret.Operand = exit;
            }
            else
            {
                ret.OpCode = OpCodes.Stloc;
                ret.Operand = result;
                InsertAfter(body, ret, new[] { Instruction.Create(OpCodes.Leave, exit) });
            }
        }

        var handlerStart = finallyCode[0];
        // A handler that ran to the end of the method must stop where the appended code begins.
        foreach (var handler in body.ExceptionHandlers)
        {
            handler.TryEnd ??= handlerStart;
            handler.HandlerEnd ??= handlerStart;
        }
        foreach (var instruction in finallyCode)
            body.Instructions.Add(instruction);
        body.Instructions.Add(Instruction.Create(OpCodes.Endfinally));
        body.Instructions.Add(exit);
        if (returnsValue)
            body.Instructions.Add(Instruction.Create(OpCodes.Ret));

        // Added last, so it is the outermost handler, as the ECMA ordering of nested handlers requires.
        body.ExceptionHandlers.Add(new ExceptionHandler(ExceptionHandlerType.Finally)
        {
            TryStart = tryStart,
            TryEnd = handlerStart,
            HandlerStart = handlerStart,
            HandlerEnd = exit,
        });
    }

    /// <summary>
    /// Records a store to a field with the value it replaces: spills the new value, reads the old one
    /// through the same instance, stores, then calls Probe.Bind(value, previous, site).
    /// </summary>
    public void InstrumentFieldStore(MethodBody body, Instruction store, int localSite)
    {
        var field = (FieldReference)store.Operand;
        var valueType = TypeFacts.FieldTypeInContext(field);
        var value = AddLocal(body, valueType);
        var previous = AddLocal(body, _object);
        bool isStatic = store.OpCode == OpCodes.Stsfld;

        var before = new List<Instruction> { Instruction.Create(OpCodes.Stloc, value) };
        if (isStatic)
        {
            before.Add(Instruction.Create(OpCodes.Ldsfld, field));
        }
        else
        {
            before.Add(Instruction.Create(OpCodes.Dup));
            before.Add(Instruction.Create(OpCodes.Ldfld, field));
        }
        before.AddRange(AsObject(valueType));
        before.Add(Instruction.Create(OpCodes.Stloc, previous));
        before.Add(Instruction.Create(OpCodes.Ldloc, value));
        var relocated = InsertBefore(body, store, before);

        var after = new List<Instruction> { Instruction.Create(OpCodes.Ldloc, value) };
        after.AddRange(AsObject(valueType));
        after.Add(Instruction.Create(OpCodes.Ldloc, previous));
        after.AddRange(CallWithSite(_probes.Bind, localSite));
        InsertAfter(body, relocated, after);
    }

    /// <summary>Probe.ScopeEnd(this.field, site) for a field of the method's own type.</summary>
    public IEnumerable<Instruction> ScopeEndOfField(FieldReference field, TypeReference fieldType, int localSite)
    {
        yield return Instruction.Create(OpCodes.Ldarg_0);
        yield return Instruction.Create(OpCodes.Ldfld, field);
        foreach (var instruction in AsObject(fieldType))
            yield return instruction;
        foreach (var instruction in CallWithSite(_probes.ScopeEnd, localSite))
            yield return instruction;
    }

    /// <summary>
    /// Wraps a call so that <paramref name="inspect"/> runs with the call's arguments stored in locals
    /// (index 0 is the receiver of an instance call) and the call then runs unchanged. Returns the relocated call.
    /// </summary>
    public Instruction AroundCall(MethodBody body, Instruction call, System.Func<IReadOnlyList<VariableDefinition>, IEnumerable<Instruction>> inspect)
    {
        var callee = (MethodReference)call.Operand;
        var types = new List<TypeReference>();
        if (callee.HasThis)
            types.Add(callee.DeclaringType.IsValueType ? new ByReferenceType(callee.DeclaringType) : callee.DeclaringType);
        types.AddRange(callee.Parameters.Select(p => TypeFacts.ParameterTypeInContext(callee, p.ParameterType)));

        var locals = types.Select(t => AddLocal(body, t)).ToList();
        var code = new List<Instruction>();
        for (int i = locals.Count - 1; i >= 0; i--)
            code.Add(Instruction.Create(OpCodes.Stloc, locals[i]));
        code.AddRange(inspect(locals));
        code.AddRange(locals.Select(l => Instruction.Create(OpCodes.Ldloc, l)));
        return InsertBefore(body, call, code);
    }

    public VariableDefinition AddLocal(MethodBody body, TypeReference type)
    {
        var variable = new VariableDefinition(_module.ImportReference(type));
        body.Variables.Add(variable);
        return variable;
    }

    /// <summary>Brackets a change to a method: long-form branches while editing, short forms again after.</summary>
    public static void Edit(MethodBody body, System.Action edit)
    {
        body.SimplifyMacros();
        edit();
        body.OptimizeMacros();
    }
}
