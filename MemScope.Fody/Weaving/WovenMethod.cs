using MemScopeFody.Il;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace MemScopeFody.Weaving;

/// <summary>One method being woven: its body, where each instruction came from, and the names sites will carry.</summary>
public sealed class WovenMethod
{
    public WovenMethod(WeavingContext context, MethodDefinition method)
    {
        Context = context;
        Method = method;
        UserMethod = context.Scope.UserMethod(method);
        DisplayName = CecilNames.Method(method, UserMethod == method ? null : UserMethod);
        Source = new SourceMap(method);
        IsTracked = context.Scope.IsTracked(method);
    }

    public WeavingContext Context { get; }
    public MethodDefinition Method { get; }
    public MethodBody Body => Method.Body;
    public MethodDefinition UserMethod { get; }
    public string DisplayName { get; }
    public SourceMap Source { get; }
    public bool IsTracked { get; }

    /// <summary>Adds a site located at <paramref name="at"/>'s source line.</summary>
    public int AddSite(string kind, Instruction? at, string? name, string? type) =>
        AddSite(kind, at == null ? Source.LastPoint : Source.For(at), name, type);

    public int AddSite(string kind, SequencePoint? point, string? name, string? type) =>
        Context.Sites.Add(new Site(kind, DisplayName, point?.Document.Url, point?.StartLine ?? 0, point?.StartColumn ?? 0, name, type));

    /// <summary>
    /// The local or field the statement stores the new object into (`var items = new List&lt;int&gt; { 1 }`), for the
    /// report's per-site table. The new object is followed on the evaluation stack through its statement: a store that
    /// takes it names it; a constructor or call that takes it as an argument means another object holds it
    /// (`new StreamReader(new MemoryStream())` names only the reader); if it leaves the statement still on the stack,
    /// an optimising build removed the local, and the statement's source names it.
    /// </summary>
    public string? HolderName(Instruction allocation) => Follow(allocation).Holder;

    /// <summary>Where the value <paramref name="produced"/> pushes goes within its statement (see <see cref="HolderName"/>).</summary>
    public ValueFlow Follow(Instruction produced)
    {
        var statement = Source.For(produced);
        int above = 0; // values on the stack above the new one
        for (var next = produced.Next; next != null; next = next.Next)
        {
            var point = Source.For(next);
            if (point != null && point != statement)
                return new ValueFlow(statement == null ? null : Context.SourceDeclarations.NameAt(statement), null, -1);
            if (next.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch)
                return ValueFlow.Unknown; // `a ?? new B()`, `c ? new A() : new B()`: which value is stored is not followed
            int pops = StackEffect.Pops(next);
            if (pops <= above)
            {
                above += StackEffect.Pushes(next) - pops;
                continue;
            }
            if (next.OpCode == OpCodes.Dup && above == 0)
            {
                above++;
                continue;
            }
            if (above == 0 && IsSameValueConverted(next))
                continue; // `(int[])source.Clone()`, `(byte*)NativeMemory.Alloc(n)`: still the new value
            if (above > 0 || (next.OpCode.Code is Code.Newobj or Code.Call or Code.Callvirt))
                return new ValueFlow(null, next, pops == int.MaxValue ? -1 : pops - 1 - above); // an argument, or the instance of a call
            if (next.OpCode == OpCodes.Stfld || next.OpCode == OpCodes.Stsfld)
                return new ValueFlow(((FieldReference)next.Operand).Name, next, -1);
            var variable = InstructionFacts.StoredVariable(Body, next);
            if (variable == null)
                return ValueFlow.Unknown;
            if (Method.DebugInformation.TryGetName(variable, out var name) && name.Length > 0 && !name.StartsWith("CS$"))
                return new ValueFlow(name, next, -1);
            return new ValueFlow(statement == null ? null : Context.SourceDeclarations.NameAt(statement), next, -1);
        }
        return ValueFlow.Unknown;
    }

    /// <summary>A cast or conversion: it takes the value and pushes the same one, typed otherwise.</summary>
    private static bool IsSameValueConverted(Instruction instruction) =>
        instruction.OpCode.Code is Code.Castclass or Code.Isinst or Code.Box or Code.Unbox_Any ||
        instruction.OpCode.Code.ToString().StartsWith("Conv_", System.StringComparison.Ordinal);
}

/// <summary>
/// Where a new value went in its statement: the variable or field that holds it, or the instruction that took it
/// (a constructor or call, with the index of the argument it is; -1 for a store).
/// </summary>
public sealed class ValueFlow
{
    public static readonly ValueFlow Unknown = new ValueFlow(null, null, -1);

    public ValueFlow(string? holder, Instruction? takenBy, int argument)
    {
        Holder = holder;
        TakenBy = takenBy;
        Argument = argument;
    }

    public string? Holder { get; }
    public Instruction? TakenBy { get; }
    public int Argument { get; }
}
