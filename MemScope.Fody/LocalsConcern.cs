using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace MemScopeFody;

/// <summary>
/// In tracked methods, each store of a reference to a named local records Bind (with the value it
/// replaces), and every exit of the method, returned or thrown, records ScopeEnd for the locals.
/// </summary>
public sealed class LocalsConcern : IMethodConcern
{
    private readonly WeavingContext _context;

    public LocalsConcern(WeavingContext context) => _context = context;

    public bool Enabled => _context.Config.TrackLocals;

    public void Weave(WovenMethod method)
    {
        if (!method.IsTracked)
            return;

        var bound = new List<(VariableDefinition Variable, string Name)>();
        foreach (var store in method.Body.Instructions.ToList())
        {
            var variable = StoredVariable(method.Body, store);
            if (variable == null || !IsTrackable(method, variable, out string name))
                continue;
            int site = method.AddSite("local", store, name, CecilNames.Type(variable.VariableType));
            var code = new List<Instruction> { Instruction.Create(OpCodes.Dup) };
            code.AddRange(_context.Emit.AsObject(variable.VariableType));
            code.Add(Instruction.Create(OpCodes.Ldloc, variable));
            code.AddRange(_context.Emit.AsObject(variable.VariableType));
            code.AddRange(_context.Emit.CallWithSite(_context.Bind, site));
            _context.Emit.InsertBefore(method.Body, store, code);
            if (!bound.Any(b => b.Variable == variable))
                bound.Add((variable, name));
        }

        if (bound.Count > 0)
            EndScopesOnExit(method, bound);
    }

    private void EndScopesOnExit(WovenMethod method, List<(VariableDefinition Variable, string Name)> locals)
    {
        var code = new List<Instruction>();
        foreach (var (variable, name) in locals)
        {
            int site = method.AddSite("scopeEnd", (Instruction?)null, name, CecilNames.Type(variable.VariableType));
            code.Add(Instruction.Create(OpCodes.Ldloc, variable));
            code.AddRange(_context.Emit.AsObject(variable.VariableType));
            code.AddRange(_context.Emit.CallWithSite(_context.ScopeEnd, site));
        }
        _context.Emit.WrapInFinally(method.Method, TryStart(method.Method), code);
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

    /// <summary>The local a ldloc (any form) reads, or null.</summary>
    public static VariableDefinition? LoadedVariable(MethodBody body, Instruction instruction)
    {
        switch (instruction.OpCode.Code)
        {
            case Code.Ldloc_0: return body.Variables[0];
            case Code.Ldloc_1: return body.Variables[1];
            case Code.Ldloc_2: return body.Variables[2];
            case Code.Ldloc_3: return body.Variables[3];
            case Code.Ldloc:
            case Code.Ldloc_S:
                return (VariableDefinition)instruction.Operand;
            default:
                return null;
        }
    }

    /// <summary>The local a stloc (any form) writes, or null.</summary>
    public static VariableDefinition? StoredVariable(MethodBody body, Instruction instruction)
    {
        var code = instruction.OpCode.Code;
        switch (code)
        {
            case Code.Stloc_0: return body.Variables[0];
            case Code.Stloc_1: return body.Variables[1];
            case Code.Stloc_2: return body.Variables[2];
            case Code.Stloc_3: return body.Variables[3];
            case Code.Stloc:
            case Code.Stloc_S:
                return (VariableDefinition)instruction.Operand;
            default:
                return null;
        }
    }
}
