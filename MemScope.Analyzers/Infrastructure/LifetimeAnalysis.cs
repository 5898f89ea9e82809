using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MemScopeAnalyzers.Infrastructure;

/// <summary>
/// Decides, on the control-flow graph, whether a resource acquired by one call is released or handed
/// to an owner on every path from the call to the method's exit.
/// Exceptions thrown by arbitrary calls are not paths here (the graph does not model them);
/// explicit throw statements are, and finally and catch regions are honoured.
/// </summary>
internal sealed class ObjectTimelines
{
    private readonly ControlFlowGraph graph;
    private readonly ResourceApi api;
    private readonly ResourceKind kind;
    private readonly SyntaxNode acquisitionSyntax;
    private readonly HashSet<ILocalSymbol> locals = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
    private readonly HashSet<CaptureId> captures = new HashSet<CaptureId>();
    private readonly Dictionary<int, Effect[]> effectsByBlock = new Dictionary<int, Effect[]>();

    private ObjectTimelines(ControlFlowGraph graph, ResourceApi api, ResourceKind kind, SyntaxNode acquisitionSyntax)
    {
        this.graph = graph;
        this.api = api;
        this.kind = kind;
        this.acquisitionSyntax = acquisitionSyntax;
    }

    private enum Effect
    {
        None,
        Release,
        Escape,
        Acquire,
    }

    /// <summary>
    /// Returns the outcome for the acquisition at <paramref name="acquisition"/> (an operation of the original tree).
    /// <paramref name="owner"/> is the local that first holds the resource, when there is one.
    /// </summary>
    public static LifetimeOutcome Analyze(ControlFlowGraph graph, ResourceApi api, ResourceKind kind, IInvocationOperation acquisition, out ILocalSymbol? owner)
    {
        owner = null;
        var analysis = new ObjectTimelines(graph, api, kind, acquisition.Syntax);
        var located = analysis.Locate();
        if (located == null)
        {
            return LifetimeOutcome.Unknown;
        }

        var (block, index, flowInvocation) = located.Value;
        var consumer = ValueFlow.Outermost(flowInvocation);
        switch (consumer.Parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Value == consumer && assignment.Target is ILocalReferenceOperation local:
                owner = local.Local;
                analysis.locals.Add(local.Local);
                break;
            case IFlowCaptureOperation capture when capture.Value == consumer:
                analysis.captures.Add(capture.Id);
                break;
            case IExpressionStatementOperation:
                return LifetimeOutcome.Leaked;
            case null when consumer == block.BranchValue && block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return:
                return LifetimeOutcome.Escapes;
            case null when consumer.Kind == OperationKind.ExpressionStatement || block.Operations.Contains(consumer):
                return LifetimeOutcome.Leaked;
            default:
                // Stored to a field, passed straight to a call or constructor, returned: someone else owns it now.
                return LifetimeOutcome.Escapes;
        }

        analysis.CloseAliases();
        if (analysis.IsCapturedByNestedFunction())
        {
            return LifetimeOutcome.Escapes;
        }

        return analysis.LeaksFrom(block, index + 1) ? LifetimeOutcome.Leaked : LifetimeOutcome.Released;
    }

    private (BasicBlock Block, int Index, IInvocationOperation Invocation)? Locate()
    {
        foreach (var block in graph.Blocks)
        {
            var index = 0;
            foreach (var operation in ControlFlowGraphs.TopLevel(block))
            {
                var found = !operation.Syntax.Span.Contains(acquisitionSyntax.Span) ? null :
                    operation.DescendantsAndSelf().OfType<IInvocationOperation>().FirstOrDefault(i => i.Syntax == acquisitionSyntax);
                if (found != null)
                {
                    return (block, index, found);
                }

                index++;
            }
        }

        return null;
    }

    private bool IsTracked(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => locals.Contains(local.Local),
        IFlowCaptureReferenceOperation capture => captures.Contains(capture.Id),
        _ => false,
    };

    /// <summary>Every local or flow capture that receives the resource (directly, cast or offset) holds it too.</summary>
    private void CloseAliases()
    {
        // One walk collects the candidate copies; the fixpoint then runs over that short list.
        var copies = ControlFlowGraphs.AllOperations(graph)
            .Where(o => o is ISimpleAssignmentOperation { Target: ILocalReferenceOperation } or IFlowCaptureOperation)
            .ToList();
        var changed = copies.Count > 0;
        while (changed)
        {
            changed = false;
            foreach (var operation in copies)
            {
                switch (operation)
                {
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                        when !locals.Contains(target.Local) && ValueFlow.DerivesFrom(assignment.Value, IsTracked):
                        locals.Add(target.Local);
                        changed = true;
                        break;
                    case IFlowCaptureOperation capture when !captures.Contains(capture.Id) && ValueFlow.DerivesFrom(capture.Value, IsTracked):
                        captures.Add(capture.Id);
                        changed = true;
                        break;
                }
            }
        }
    }

    private bool IsCapturedByNestedFunction()
    {
        foreach (var function in graph.OriginalOperation.Descendants())
        {
            IOperation? body = function switch
            {
                IAnonymousFunctionOperation lambda => lambda.Body,
                ILocalFunctionOperation localFunction => localFunction.Body ?? localFunction.IgnoredBody,
                _ => null,
            };
            if (body != null && body.Descendants().OfType<ILocalReferenceOperation>().Any(r => locals.Contains(r.Local)))
            {
                return true;
            }
        }

        return false;
    }

    private bool LeaksFrom(BasicBlock start, int startIndex)
    {
        var visited = new HashSet<int>();
        var pending = new Stack<(BasicBlock Block, int Index)>();
        pending.Push((start, startIndex));
        while (pending.Count > 0)
        {
            var (block, index) = pending.Pop();
            var effects = EffectsOf(block);
            var decided = false;
            for (var i = index; i < effects.Length && !decided; i++)
            {
                switch (effects[i])
                {
                    case Effect.Release:
                    case Effect.Escape:
                        decided = true;
                        break;
                    case Effect.Acquire:
                        // Acquiring again (a loop) overwrites the only reference to the previous resource.
                        return true;
                }
            }

            if (decided)
            {
                continue;
            }

            foreach (var branch in new[] { block.ConditionalSuccessor, block.FallThroughSuccessor })
            {
                if (branch == null || branch.FinallyRegions.Any(RegionReleases))
                {
                    continue;
                }

                if (branch.Semantics is ControlFlowBranchSemantics.Throw or ControlFlowBranchSemantics.Rethrow)
                {
                    if (UnwindLeaks(block, pending, visited))
                    {
                        return true;
                    }

                    continue;
                }

                if (branch.Semantics == ControlFlowBranchSemantics.StructuredExceptionHandling)
                {
                    // End of a finally or filter that the acquisition itself sits in: too unusual to judge.
                    continue;
                }

                var destination = branch.Destination;
                if (destination == null || destination.Kind == BasicBlockKind.Exit)
                {
                    return true;
                }

                if (visited.Add(destination.Ordinal))
                {
                    pending.Push((destination, 0));
                }
            }
        }

        return false;
    }

    /// <summary>An explicit throw leaves through enclosing finally regions or lands in a catch handler.</summary>
    private bool UnwindLeaks(BasicBlock block, Stack<(BasicBlock Block, int Index)> pending, HashSet<int> visited)
    {
        for (var region = block.EnclosingRegion; region != null; region = region.EnclosingRegion)
        {
            if (region.Kind != ControlFlowRegionKind.Try || region.EnclosingRegion == null)
            {
                continue;
            }

            var parent = region.EnclosingRegion;
            if (parent.Kind == ControlFlowRegionKind.TryAndFinally && RegionReleases(parent.NestedRegions[parent.NestedRegions.Length - 1]))
            {
                return false;
            }

            if (parent.Kind == ControlFlowRegionKind.TryAndCatch)
            {
                foreach (var handler in parent.NestedRegions.Where(r => r.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.FilterAndHandler))
                {
                    var first = graph.Blocks[handler.FirstBlockOrdinal];
                    if (visited.Add(first.Ordinal))
                    {
                        pending.Push((first, 0));
                    }
                }

                return false;
            }
        }

        return true;
    }

    private bool RegionReleases(ControlFlowRegion region)
    {
        for (var ordinal = region.FirstBlockOrdinal; ordinal <= region.LastBlockOrdinal; ordinal++)
        {
            if (EffectsOf(graph.Blocks[ordinal]).Contains(Effect.Release))
            {
                return true;
            }
        }

        return false;
    }

    private Effect[] EffectsOf(BasicBlock block)
    {
        if (!effectsByBlock.TryGetValue(block.Ordinal, out var effects))
        {
            effects = ControlFlowGraphs.TopLevel(block).Select(o => Classify(block, o)).ToArray();
            effectsByBlock[block.Ordinal] = effects;
        }

        return effects;
    }

    private Effect Classify(BasicBlock block, IOperation statement)
    {
        foreach (var operation in statement.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation invocation)
            {
                if (invocation.Syntax == acquisitionSyntax)
                {
                    return Effect.Acquire;
                }

                if (api.IsRelease(invocation, kind, IsTracked))
                {
                    return Effect.Release;
                }
            }

            if (IsTracked(operation) && Escapes(block, ValueFlow.Outermost(operation)))
            {
                return Effect.Escape;
            }
        }

        return Effect.None;
    }

    private bool Escapes(BasicBlock block, IOperation value)
    {
        switch (value.Parent)
        {
            case null:
                return value == block.BranchValue && block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return;
            case IAssignmentOperation assignment when assignment.Value == value:
                return assignment.Target is not ILocalReferenceOperation;
            case IReturnOperation:
            case IArrayInitializerOperation:
            case ITupleOperation:
            case IAnonymousObjectCreationOperation:
            case IPropertyInitializerOperation:
            case IFieldInitializerOperation:
                return true;
            case IArgumentOperation argument:
                return argument.Parent switch
                {
                    IObjectCreationOperation creation => creation.Type?.IsRefLikeType != true,
                    IInvocationOperation invocation => !api.Lends(invocation.TargetMethod, argument.Parameter),
                    _ => false,
                };
            default:
                return false;
        }
    }
}
