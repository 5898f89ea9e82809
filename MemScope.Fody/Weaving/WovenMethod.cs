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
    public string? HolderName(Instruction allocation)
    {
        var statement = Source.For(allocation);
        int above = 0; // values on the stack above the new object
        for (var next = allocation.Next; next != null; next = next.Next)
        {
            var point = Source.For(next);
            if (point != null && point != statement)
                return statement == null ? null : Context.SourceDeclarations.NameAt(statement);
            if (next.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch)
                return null; // `a ?? new B()`, `c ? new A() : new B()`: which value is stored is not followed
            int pops = StackEffect.Pops(next);
            if (pops <= above)
            {
                above += StackEffect.Pushes(next) - pops;
                continue;
            }
            if (above > 0)
                return null; // the new object is an argument, or the instance of a call
            if (next.OpCode == OpCodes.Dup)
            {
                above++;
                continue;
            }
            if (next.OpCode == OpCodes.Stfld || next.OpCode == OpCodes.Stsfld)
                return ((FieldReference)next.Operand).Name;
            var variable = InstructionFacts.StoredVariable(Body, next);
            if (variable == null)
                return null;
            if (Method.DebugInformation.TryGetName(variable, out var name) && name.Length > 0 && !name.StartsWith("CS$"))
                return name;
            return statement == null ? null : Context.SourceDeclarations.NameAt(statement);
        }
        return null;
    }
}
