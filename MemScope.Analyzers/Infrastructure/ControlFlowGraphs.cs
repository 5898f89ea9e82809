using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MemScopeAnalyzers.Infrastructure;

/// <summary>Finds the control-flow graph that executes a given operation, descending into lambdas and local functions.</summary>
internal static class ControlFlowGraphs
{
    public static ControlFlowGraph? ForOperation(ControlFlowGraph root, IOperation operation)
    {
        // Nested functions get their own graphs; walk from the outermost one inwards.
        var functions = new Stack<IOperation>();
        for (var current = operation.Parent; current != null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                functions.Push(current);
            }
        }

        var graph = root;
        while (functions.Count > 0)
        {
            var function = functions.Pop();
            if (function is ILocalFunctionOperation localFunction)
            {
                graph = graph.GetLocalFunctionControlFlowGraph(localFunction.Symbol);
                continue;
            }

            var flowFunction = AllOperations(graph)
                .OfType<IFlowAnonymousFunctionOperation>()
                .FirstOrDefault(f => f.Syntax == function.Syntax);
            if (flowFunction == null)
            {
                return null;
            }

            graph = graph.GetAnonymousFunctionControlFlowGraph(flowFunction);
        }

        return graph;
    }

    public static IEnumerable<IOperation> AllOperations(ControlFlowGraph graph)
    {
        foreach (var block in graph.Blocks)
        {
            foreach (var operation in TopLevel(block))
            {
                foreach (var descendant in operation.DescendantsAndSelf())
                {
                    yield return descendant;
                }
            }
        }
    }

    /// <summary>The block's statements followed by its branch value, in execution order.</summary>
    public static IEnumerable<IOperation> TopLevel(BasicBlock block)
    {
        foreach (var operation in block.Operations)
        {
            yield return operation;
        }

        if (block.BranchValue != null)
        {
            yield return block.BranchValue;
        }
    }
}
