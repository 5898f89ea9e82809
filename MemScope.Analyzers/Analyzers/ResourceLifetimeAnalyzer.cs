using System.Collections.Immutable;
using MemScopeAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MemScopeAnalyzers.Analyzers;

/// <summary>MEM002, MEM003, MEM004: an acquired native block, pinned handle or rented array must be released on every path.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ResourceLifetimeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.NativeMemoryNotFreed, Descriptors.PinnedHandleNotFreed, Descriptors.PooledArrayNotReturned);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var api = new ResourceApi(KnownSymbols.From(start.Compilation));
            if (api.IsAvailable)
            {
                start.RegisterOperationAction(c => AnalyzeInvocation(c, api), OperationKind.Invocation);
            }
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, ResourceApi api)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!api.TryGetAcquisition(invocation, out var kind))
        {
            return;
        }

        var graph = ControlFlowGraphs.ForOperation(context.GetControlFlowGraph(), invocation);
        if (graph == null)
        {
            return;
        }

        var outcome = ObjectTimelines.Analyze(graph, api, kind, invocation, out var owner);
        if (outcome != LifetimeOutcome.Leaked)
        {
            return;
        }

        var holder = owner?.Name ?? "result";
        var container = context.ContainingSymbol.Name;
        var apiName = invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name;
        var diagnostic = kind switch
        {
            ResourceKind.NativeMemory => Diagnostic.Create(Descriptors.NativeMemoryNotFreed, invocation.Syntax.GetLocation(), holder, apiName, container),
            ResourceKind.PinnedHandle => Diagnostic.Create(Descriptors.PinnedHandleNotFreed, invocation.Syntax.GetLocation(), holder, container),
            _ => Diagnostic.Create(Descriptors.PooledArrayNotReturned, invocation.Syntax.GetLocation(), holder, PoolName(invocation), container),
        };
        context.ReportDiagnostic(diagnostic);
    }

    private static string PoolName(IInvocationOperation invocation) =>
        invocation.Instance?.Syntax.ToString() ?? invocation.TargetMethod.ContainingType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
}
