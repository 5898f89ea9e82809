using System.Collections.Immutable;
using System.Linq;
using MemScopeAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MemScopeAnalyzers.Analyzers;

/// <summary>MEM007: a raw handle taken out of a SafeHandle is safe only between DangerousAddRef and a DangerousRelease in finally.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DangerousHandleAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DangerousGetHandleUnguarded);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var known = KnownSymbols.From(start.Compilation);
            if (known.SafeHandle != null)
            {
                start.RegisterOperationAction(c => AnalyzeInvocation(c, known), OperationKind.Invocation);
            }
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, KnownSymbols known)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "DangerousGetHandle" || !known.IsSafeHandle(invocation.TargetMethod.ContainingType))
        {
            return;
        }

        // A SafeHandle reading its own value (in ReleaseHandle, ToString…) holds the reference it needs.
        if (invocation.Instance is null or IInstanceReferenceOperation)
        {
            return;
        }

        var receiver = ValueFlow.ReferencedSymbol(invocation.Instance);
        if (receiver != null && IsGuarded(invocation, receiver))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.DangerousGetHandleUnguarded, invocation.Syntax.GetLocation(), invocation.Instance.Syntax.ToString()));
    }

    private static bool IsGuarded(IInvocationOperation getHandle, ISymbol receiver)
    {
        for (var current = getHandle.Parent; current != null; current = current.Parent)
        {
            if (current is ITryOperation { Finally: { } finallyBlock } @try && IsInside(getHandle, @try.Body) && Calls(finallyBlock, "DangerousRelease", receiver))
            {
                var body = current;
                while (body.Parent != null)
                {
                    body = body.Parent;
                }

                return Calls(body, "DangerousAddRef", receiver);
            }
        }

        return false;
    }

    private static bool IsInside(IOperation operation, IOperation container) =>
        container.Syntax.Span.Contains(operation.Syntax.Span);

    private static bool Calls(IOperation scope, string name, ISymbol receiver) =>
        scope.DescendantsAndSelf().OfType<IInvocationOperation>().Any(i =>
            i.TargetMethod.Name == name && SymbolEqualityComparer.Default.Equals(ValueFlow.ReferencedSymbol(i.Instance), receiver));
}
