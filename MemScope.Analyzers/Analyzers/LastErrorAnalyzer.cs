using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MemScopeAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MemScopeAnalyzers.Analyzers;

/// <summary>MEM008: reading the last error is meaningful only after a P/Invoke that asked the runtime to save it.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LastErrorAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LastErrorWithoutSetLastError);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var known = KnownSymbols.From(start.Compilation);
            if (known.Marshal != null)
            {
                start.RegisterOperationAction(c => AnalyzeInvocation(c, known), OperationKind.Invocation);
            }
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, KnownSymbols known)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!KnownSymbols.Is(method.ContainingType, known.Marshal) || method.Name is not ("GetLastWin32Error" or "GetLastPInvokeError"))
        {
            return;
        }

        var graph = ControlFlowGraphs.ForOperation(context.GetControlFlowGraph(), invocation);
        if (graph == null)
        {
            return;
        }

        foreach (var pinvoke in NearestPrecedingPInvokes(graph, invocation.Syntax, known))
        {
            if (PInvoke.TryGet(pinvoke, known, out var declaration) && !declaration.SetLastError)
            {
                // The declaration travels with the diagnostic so the code fix can edit it.
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.LastErrorWithoutSetLastError, invocation.Syntax.GetLocation(), pinvoke.Locations, "Marshal." + method.Name, pinvoke.Name));
                return;
            }
        }
    }

    /// <summary>On each path that reaches the read, the last P/Invoke called before it.</summary>
    private static IEnumerable<IMethodSymbol> NearestPrecedingPInvokes(ControlFlowGraph graph, SyntaxNode read, KnownSymbols known)
    {
        var start = Locate(graph, read);
        if (start == null)
        {
            yield break;
        }

        var visited = new HashSet<int>();
        var pending = new Stack<(BasicBlock Block, int Index)>();
        pending.Push(start.Value);
        while (pending.Count > 0)
        {
            var (block, index) = pending.Pop();
            var statements = ControlFlowGraphs.TopLevel(block).ToArray();
            IMethodSymbol? found = null;
            for (var i = index; i >= 0 && found == null; i--)
            {
                found = statements[i].DescendantsAndSelf()
                    .OfType<IInvocationOperation>()
                    .Where(c => c.Syntax.Span.End <= read.SpanStart || i != index)
                    .Where(c => PInvoke.TryGet(c.TargetMethod, known, out _))
                    .OrderByDescending(c => c.Syntax.SpanStart)
                    .Select(c => c.TargetMethod)
                    .FirstOrDefault();
            }

            if (found != null)
            {
                yield return found;
                continue;
            }

            foreach (var predecessor in block.Predecessors)
            {
                if (visited.Add(predecessor.Source.Ordinal))
                {
                    pending.Push((predecessor.Source, ControlFlowGraphs.TopLevel(predecessor.Source).Count() - 1));
                }
            }
        }
    }

    private static (BasicBlock Block, int Index)? Locate(ControlFlowGraph graph, SyntaxNode syntax)
    {
        foreach (var block in graph.Blocks)
        {
            var index = 0;
            foreach (var statement in ControlFlowGraphs.TopLevel(block))
            {
                if (statement.DescendantsAndSelf().Any(o => o.Syntax == syntax && o is IInvocationOperation))
                {
                    return (block, index);
                }

                index++;
            }
        }

        return null;
    }
}
