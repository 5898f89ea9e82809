using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using MemScopeTestShared;
using Xunit;

namespace MemScopeRuntimeTests;

/// <summary>
/// The assemblies follow the data flow: the trace model depends on nothing of MemScope's, the reports read only the
/// trace model, the tool reads reports and traces and never carries the recorder, and the runtime that every tracked
/// program loads touches the reports only where it writes a report or checks a leak scope.
/// </summary>
public class ArchitectureTests
{
    /// <summary>The runtime's types that may call into MemScope.Reports: the export and leak-scope entry points.</summary>
    private static readonly HashSet<string> ReportEntryPoints = new(StringComparer.Ordinal)
    {
        "MemScope", "MemScopeRuntime.LeakScope", "MemScopeRuntime.Traffic", "MemScopeRuntime.ScopeDifference", "MemScopeRuntime.MemScopeLeakException",
    };

    private static string Built(string assembly) => Path.Combine(AppContext.BaseDirectory, assembly + ".dll");

    private static IEnumerable<string> ReferencesOf(string path)
    {
        using var module = ModuleDefinition.ReadModule(path);
        return module.AssemblyReferences.Select(r => r.Name).ToList();
    }

    [Fact]
    public void The_trace_model_references_no_other_MemScope_assembly()
    {
        Assert.DoesNotContain(ReferencesOf(Built("MemScope.Trace")), name => name.StartsWith("MemScope", StringComparison.Ordinal));
    }

    [Fact]
    public void The_reports_reference_the_trace_model_and_not_the_recorder()
    {
        var references = ReferencesOf(Built("MemScope.Reports")).ToList();
        Assert.Contains("MemScope.Trace", references);
        Assert.DoesNotContain("MemScope.Runtime", references);
    }

    [Fact]
    public void The_memscope_tool_does_not_reference_the_recorder()
    {
        string cli = Path.Combine(TestEnvironment.RepositoryRoot, "MemScope.Cli", "bin", TestEnvironment.Configuration, "net10.0", "MemScope.Cli.dll");
        var references = ReferencesOf(cli).ToList();
        Assert.Contains("MemScope.Reports", references);
        Assert.DoesNotContain("MemScope.Runtime", references);
    }

    [Fact]
    public void The_runtime_uses_the_reports_only_in_its_export_and_leak_scope_entry_points()
    {
        using var runtime = ModuleDefinition.ReadModule(Built("MemScope.Runtime"));
        var offenders = runtime.GetTypes()
            .Where(type => !ReportEntryPoints.Contains(OutermostType(type).FullName))
            .Where(type => MentionsReports(type))
            .Select(type => type.FullName)
            .ToList();

        Assert.Empty(offenders);
        Assert.Contains(runtime.AssemblyReferences, r => r.Name == "MemScope.Reports"); // the check above can fail
    }

    private static TypeDefinition OutermostType(TypeDefinition type) => type.DeclaringType is { } outer ? OutermostType(outer) : type;

    private static bool FromReports(TypeReference? type) => type switch
    {
        null => false,
        GenericInstanceType generic => FromReports(generic.ElementType) || generic.GenericArguments.Any(FromReports),
        TypeSpecification spec => FromReports(spec.ElementType),
        _ => type.Scope is AssemblyNameReference { Name: "MemScope.Reports" },
    };

    private static bool MentionsReports(TypeDefinition type) =>
        FromReports(type.BaseType) ||
        type.Fields.Any(f => FromReports(f.FieldType)) ||
        type.Methods.Any(method =>
            FromReports(method.ReturnType) ||
            method.Parameters.Any(p => FromReports(p.ParameterType)) ||
            (method.HasBody && method.Body.Instructions.Any(UsesReports)));

    private static bool UsesReports(Instruction instruction) => instruction.Operand switch
    {
        MethodReference method => FromReports(method.DeclaringType) || FromReports(method.ReturnType),
        FieldReference field => FromReports(field.DeclaringType) || FromReports(field.FieldType),
        TypeReference type => FromReports(type),
        _ => false,
    };
}
