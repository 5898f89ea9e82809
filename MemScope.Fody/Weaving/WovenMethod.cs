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
    /// The local or field the statement stores the new object into (`var items = new List&lt;int&gt; { 1 }`),
    /// for the report's per-site table: the first store of the same source statement.
    /// </summary>
    public string? HolderName(Instruction allocation)
    {
        var statement = Source.For(allocation);
        for (var next = allocation.Next; next != null && Source.For(next) == statement; next = next.Next)
        {
            if (next.OpCode == OpCodes.Stfld || next.OpCode == OpCodes.Stsfld)
                return ((FieldReference)next.Operand).Name;
            var variable = InstructionFacts.StoredVariable(Body, next);
            if (variable != null)
                return Method.DebugInformation.TryGetName(variable, out var name) && !name.StartsWith("CS$") ? name : null;
        }
        return null;
    }
}
