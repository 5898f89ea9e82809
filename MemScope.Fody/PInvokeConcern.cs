using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace MemScopeFody;

/// <summary>
/// Calls from tracked code to DllImport and LibraryImport methods record entry, exit with duration,
/// and each pointer or SafeHandle argument (a freed block passed to native code is caught here).
/// </summary>
public sealed class PInvokeConcern : IMethodConcern
{
    private readonly WeavingContext _context;

    public PInvokeConcern(WeavingContext context) => _context = context;

    public bool Enabled => _context.Config.TrackPInvoke;

    public void Weave(WovenMethod method)
    {
        if (!method.IsTracked)
            return;
        VariableDefinition? started = null;
        foreach (var call in method.Body.Instructions.Where(i => i.OpCode == OpCodes.Call).ToList())
        {
            var callee = ((MethodReference)call.Operand).Resolve();
            var target = callee == null ? null : NativeTarget.Of(callee);
            if (target == null)
                continue;

            int site = method.AddSite("pinvoke", call, target.Value.Library + "!" + target.Value.EntryPoint, target.Value.Kind);
            started ??= _context.Emit.AddLocal(method.Body, _context.TypeSystem.Int64Reference);
            var timer = started;
            var relocated = _context.Emit.AroundCall(method.Body, call, arguments => InspectArguments(callee!, arguments, site, timer));
            var exit = new List<Instruction> { Instruction.Create(OpCodes.Ldloc, timer) };
            exit.AddRange(_context.Emit.CallWithSite(_context.PInvokeExit, site));
            _context.Emit.InsertAfter(method.Body, relocated, exit);
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
                foreach (var instruction in _context.Emit.CallWithSite(_context.PInvokePointer, site))
                    yield return instruction;
            }
            else if (!(type is ByReferenceType) && TypeFacts.IsSafeHandle(type))
            {
                yield return Instruction.Create(OpCodes.Ldloc, arguments[i]);
                yield return Instruction.Create(OpCodes.Ldc_I4, i);
                foreach (var instruction in _context.Emit.CallWithSite(_context.PInvokeHandle, site))
                    yield return instruction;
            }
        }
        foreach (var instruction in _context.Emit.CallWithSite(_context.PInvokeEnter, site))
            yield return instruction;
        yield return Instruction.Create(OpCodes.Stloc, timer);
    }
}

/// <summary>The library and entry point of a DllImport (extern) or LibraryImport (source-generated) method.</summary>
public readonly struct NativeTarget
{
    private NativeTarget(string library, string entryPoint, string kind)
    {
        Library = library;
        EntryPoint = entryPoint;
        Kind = kind;
    }

    public string Library { get; }
    public string EntryPoint { get; }
    public string Kind { get; }

    public static NativeTarget? Of(MethodDefinition method)
    {
        var libraryImport = LibraryImportAttribute(method);
        if (libraryImport != null)
        {
            string library = libraryImport.ConstructorArguments.Count > 0 ? libraryImport.ConstructorArguments[0].Value as string ?? "?" : "?";
            string entry = libraryImport.Properties.Where(p => p.Name == "EntryPoint").Select(p => p.Argument.Value as string).FirstOrDefault() ?? method.Name;
            return new NativeTarget(library, entry, "LibraryImport");
        }
        if (method.IsPInvokeImpl && method.PInvokeInfo != null)
            return new NativeTarget(method.PInvokeInfo.Module.Name, method.PInvokeInfo.EntryPoint ?? method.Name, "DllImport");
        return null;
    }

    public static CustomAttribute? LibraryImportAttribute(MethodDefinition method) =>
        method.HasCustomAttributes ? method.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == "System.Runtime.InteropServices.LibraryImportAttribute") : null;
}
