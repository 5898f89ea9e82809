using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MemScopeAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MemScopeAnalyzers.Analyzers;

/// <summary>MEM005: a pointer from <c>fixed</c> or a pinned GCHandle must not outlive the pin.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PinnedPointerEscapeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.PinnedPointerEscapes);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();

        // The operation tree has no public shape for `fixed`, so the statement is found by syntax and its body read as operations.
        context.RegisterSyntaxNodeAction(AnalyzeFixed, SyntaxKind.FixedStatement);
        context.RegisterCompilationStartAction(start =>
        {
            var known = KnownSymbols.From(start.Compilation);
            if (known.GCHandle != null)
            {
                start.RegisterOperationAction(c => AnalyzeAddrOfPinnedObject(c, known), OperationKind.Invocation);
            }
        });
    }

    private static void AnalyzeFixed(SyntaxNodeAnalysisContext context)
    {
        var statement = (FixedStatementSyntax)context.Node;
        var pinned = statement.Declaration.Variables
            .Select(v => context.SemanticModel.GetDeclaredSymbol(v, context.CancellationToken))
            .OfType<ILocalSymbol>()
            .ToList();
        var body = context.SemanticModel.GetOperation(statement.Statement, context.CancellationToken);
        if (pinned.Count == 0 || body == null)
        {
            return;
        }

        foreach (var escape in PointerEscapes.Find(body, pinned, statement.Span))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.PinnedPointerEscapes, escape.At.Syntax.GetLocation(), escape.Pointer, "fixed", escape.How));
        }
    }

    private static void AnalyzeAddrOfPinnedObject(OperationAnalysisContext context, KnownSymbols known)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "AddrOfPinnedObject" || !KnownSymbols.Is(invocation.TargetMethod.ContainingType, known.GCHandle) ||
            invocation.Instance is not ILocalReferenceOperation handle)
        {
            return;
        }

        var root = Root(invocation);

        // Only a pin that ends in this method bounds the pointer; a handle kept elsewhere keeps the object pinned.
        var freedHere = root.Descendants().OfType<IInvocationOperation>().Any(i =>
            i.TargetMethod.Name == "Free" && i.Instance is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, handle.Local));
        if (!freedHere)
        {
            return;
        }

        var consumer = ValueFlow.Outermost(invocation);
        var pointers = new List<ILocalSymbol>();
        if (consumer.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
        {
            pointers.Add(declarator.Symbol);
        }
        else if (consumer.Parent is ISimpleAssignmentOperation { Target: ILocalReferenceOperation local })
        {
            pointers.Add(local.Local);
        }
        else if (consumer.Parent is IReturnOperation || consumer.Parent is ISimpleAssignmentOperation { Target: IFieldReferenceOperation })
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.PinnedPointerEscapes, consumer.Syntax.GetLocation(), handle.Local.Name + ".AddrOfPinnedObject()", "GCHandle '" + handle.Local.Name + "'",
                consumer.Parent is IReturnOperation ? "returned" : "stored to a field"));
            return;
        }

        foreach (var escape in PointerEscapes.Find(root, pointers, root.Syntax.Span))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.PinnedPointerEscapes, escape.At.Syntax.GetLocation(), escape.Pointer, "GCHandle '" + handle.Local.Name + "'", escape.How));
        }
    }

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent != null)
        {
            operation = operation.Parent;
        }

        return operation;
    }
}
