using System.Collections.Immutable;
using System.Linq;
using MemScopeAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MemScopeAnalyzers.Analyzers;

/// <summary>MEM011: [Tracked] placed where the weaver has nothing to rewrite, said in the IDE before the build says it.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TrackedAttributeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.TrackedHasNoEffect);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var scope = TrackedScope.From(KnownSymbols.From(start.Compilation));
            if (scope == null)
            {
                return;
            }

            start.RegisterSymbolAction(c => AnalyzeSymbol(c, scope), SymbolKind.Method, SymbolKind.Property, SymbolKind.NamedType, SymbolKind.Field);
            start.RegisterOperationBlockAction(c => AnalyzeBody(c, scope));
        });
    }

    private static void AnalyzeSymbol(SymbolAnalysisContext context, TrackedScope scope)
    {
        var symbol = context.Symbol;
        if (!scope.HasTracked(symbol))
        {
            return;
        }

        var reason = symbol switch
        {
            IMethodSymbol { IsExtern: true } => "an extern method has no body to weave",
            IMethodSymbol { IsAbstract: true } or IPropertySymbol { IsAbstract: true } => "an abstract member has no body to weave",
            IMethodSymbol { IsPartialDefinition: true, PartialImplementationPart: null } => "a partial method without an implementation has no body to weave",
            INamedTypeSymbol { IsRefLikeType: true } => "a ref struct lives only on the stack and has no object identity to track",
            IFieldSymbol field when field.Type.IsRefLikeType => "a ref struct field cannot be observed by the weaver",
            _ => null,
        };
        if (reason != null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.TrackedHasNoEffect, symbol.Locations[0], symbol.Name, reason));
        }
    }

    /// <summary>A [Tracked] method whose only locals are ref structs and which allocates nothing gives the weaver nothing to record.</summary>
    private static void AnalyzeBody(OperationBlockAnalysisContext context, TrackedScope scope)
    {
        if (context.OwningSymbol is not IMethodSymbol method || !scope.HasTracked(method))
        {
            return;
        }

        // Attribute applications are operation blocks too; [Tracked] itself must not count as an allocation.
        var operations = context.OperationBlocks.Where(b => b.Kind != OperationKind.Attribute).SelectMany(b => b.DescendantsAndSelf()).ToList();
        var locals = operations.OfType<IVariableDeclaratorOperation>().Select(d => d.Symbol).ToList();
        var allocates = operations.Any(o => o is IObjectCreationOperation or IArrayCreationOperation or IAnonymousObjectCreationOperation ||
                                            (o is IInvocationOperation call && !OnRefStruct(call)) ||
                                            (o is IAssignmentOperation { Target: IMemberReferenceOperation member } && member.Instance?.Type?.IsRefLikeType != true));
        if (locals.Count > 0 && locals.All(l => l.Type.IsRefLikeType) && !allocates)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.TrackedHasNoEffect, method.Locations[0], method.Name,
                "its only locals are ref structs, which are never boxed or tracked, and it allocates nothing"));
        }
    }

    // Calls on a span or other ref struct stay on the stack; any other call may allocate or touch tracked state.
    private static bool OnRefStruct(IInvocationOperation call) =>
        call.Instance?.Type?.IsRefLikeType == true ||
        (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 && call.Arguments[0].Value.Type?.IsRefLikeType == true);
}
