using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Xunit;

namespace MemScopeFodyTests;

/// <summary>
/// The weaver's folders follow one direction: Concerns use Weaving and Il, Weaving uses Il, Il uses neither.
/// Read from the built weaver: every type its signatures and method bodies mention.
/// </summary>
public class WeaverLayoutTests
{
    private static readonly ModuleDefinition Weaver = ModuleDefinition.ReadModule(typeof(MemScopeFody.Il.IlEmitter).Assembly.Location);

    [Theory]
    [InlineData("MemScopeFody.Il", "MemScopeFody.Weaving")]
    [InlineData("MemScopeFody.Il", "MemScopeFody.Concerns")]
    [InlineData("MemScopeFody.Weaving", "MemScopeFody.Concerns")]
    public void A_folder_does_not_use_the_folders_built_on_it(string folder, string laterFolder)
    {
        var uses = Weaver.GetTypes()
            .Where(t => FolderOf(t) == folder)
            .SelectMany(t => Mentioned(t).Where(m => FolderOf(m) == laterFolder).Select(m => t.FullName + " -> " + m.FullName))
            .Distinct()
            .ToList();

        Assert.Empty(uses);
    }

    [Fact]
    public void Every_weaving_concern_is_a_MethodConcern_in_Concerns()
    {
        var concerns = Weaver.GetTypes().Where(t => t.Name.EndsWith("Concern") && !t.IsAbstract).ToList();

        Assert.NotEmpty(concerns);
        Assert.All(concerns, c =>
        {
            Assert.Equal("MemScopeFody.Concerns", c.Namespace);
            Assert.Equal("MethodConcern", c.BaseType.Name);
        });
    }

    /// <summary>A nested type (a closure, a lambda's class) belongs to the folder of the type it is written in.</summary>
    private static string FolderOf(TypeReference type)
    {
        while (type.DeclaringType != null)
            type = type.DeclaringType;
        return type.Namespace;
    }

    private static IEnumerable<TypeReference> Mentioned(TypeDefinition type)
    {
        if (type.BaseType != null)
            yield return type.BaseType;
        foreach (var field in type.Fields)
            yield return field.FieldType;
        foreach (var method in type.Methods)
        {
            yield return method.ReturnType;
            foreach (var parameter in method.Parameters)
                yield return parameter.ParameterType;
            if (!method.HasBody)
                continue;
            foreach (var variable in method.Body.Variables)
                yield return variable.VariableType;
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t: yield return t; break;
                    case MemberReference m: yield return m.DeclaringType; break;
                }
            }
        }
    }
}
