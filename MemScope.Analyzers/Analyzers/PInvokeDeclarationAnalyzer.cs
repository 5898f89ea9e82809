using System.Collections.Immutable;
using System.Linq;
using MemScopeAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemScopeAnalyzers.Analyzers;

/// <summary>MEM001 and MEM009: what a DllImport or LibraryImport signature says about handles and strings.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PInvokeDeclarationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.RawHandleInPInvoke, Descriptors.ImplicitStringMarshalling);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var known = KnownSymbols.From(start.Compilation);
            var moduleCharSet = start.Compilation.Assembly.Modules.Any(m => m.GetAttributes().Any(a => KnownSymbols.Is(a.AttributeClass, known.DefaultCharSetAttribute)));
            start.RegisterSymbolAction(c => AnalyzeMethod(c, known, moduleCharSet), SymbolKind.Method);
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, KnownSymbols known, bool moduleCharSet)
    {
        var method = (IMethodSymbol)context.Symbol;

        // Only extern (DllImport) and partial (LibraryImport) declarations can be P/Invokes; skip the rest before reading attributes.
        if (!(method.IsExtern || method.IsPartialDefinition) || !PInvoke.TryGet(method, known, out var pinvoke))
        {
            return;
        }

        ReportRawHandles(context, method);
        if (!pinvoke.HasExplicitStringMarshalling && !(moduleCharSet && !pinvoke.IsLibraryImport))
        {
            ReportImplicitStrings(context, method, known);
        }
    }

    private static void ReportRawHandles(SymbolAnalysisContext context, IMethodSymbol method)
    {
        // A release function (CloseHandle, dlclose, LocalFree…) is what SafeHandle.ReleaseHandle calls with the raw value.
        if (HandleNames.IsReleaseFunction(method.Name))
        {
            return;
        }

        if (IsRaw(method.ReturnType) && HandleNames.ProducesHandle(method.Name))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RawHandleInPInvoke, method.Locations[0], "The return value", method.Name, WrittenReturnType(method)));
        }

        foreach (var parameter in method.Parameters)
        {
            if (IsRaw(parameter.Type) && HandleNames.IsHandleName(parameter.Name))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.RawHandleInPInvoke, parameter.Locations[0], "Parameter '" + parameter.Name + "'", method.Name, WrittenType(parameter)));
            }
        }
    }

    private static void ReportImplicitStrings(SymbolAnalysisContext context, IMethodSymbol method, KnownSymbols known)
    {
        if (IsStringLike(method.ReturnType, known) && !HasMarshalling(method.GetReturnTypeAttributes()))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ImplicitStringMarshalling, method.Locations[0], method.Name, "return value"));
            return;
        }

        var parameter = method.Parameters.FirstOrDefault(p => IsStringLike(p.Type, known) && !HasMarshalling(p.GetAttributes()));
        if (parameter != null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ImplicitStringMarshalling, method.Locations[0], method.Name, parameter.Name));
        }
    }

    private static bool HasMarshalling(ImmutableArray<AttributeData> attributes) =>
        attributes.Any(a => a.AttributeClass?.Name is "MarshalAsAttribute" or "MarshalUsingAttribute");

    private static bool IsStringLike(ITypeSymbol type, KnownSymbols known)
    {
        if (type is IArrayTypeSymbol array)
        {
            type = array.ElementType;
        }

        return type.SpecialType is SpecialType.System_String or SpecialType.System_Char || KnownSymbols.Is(type, known.StringBuilder);
    }

    private static bool IsRaw(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Pointer || type.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr;

    // Name the type as the declaration spells it (IntPtr, nint or void*), which is what the reader will look for.
    private static string WrittenReturnType(IMethodSymbol method) =>
        method.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<MethodDeclarationSyntax>().FirstOrDefault()?.ReturnType.ToString() ?? Display(method.ReturnType);

    private static string WrittenType(IParameterSymbol parameter) =>
        parameter.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<ParameterSyntax>().FirstOrDefault()?.Type?.ToString() ?? Display(parameter.Type);

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
}
