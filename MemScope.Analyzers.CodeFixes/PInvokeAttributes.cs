using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace MemScopeAnalyzers.CodeFixes;

/// <summary>Finds and edits the DllImport or LibraryImport attribute of a P/Invoke declaration.</summary>
internal static class PInvokeAttributes
{
    public const string DllImport = "DllImportAttribute";
    public const string LibraryImport = "LibraryImportAttribute";

    public static AttributeSyntax? Find(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var attribute in method.AttributeLists.SelectMany(l => l.Attributes))
        {
            var type = model.GetSymbolInfo(attribute, cancellationToken).Symbol?.ContainingType;
            if (type?.Name is DllImport or LibraryImport && type.ContainingNamespace.ToDisplayString() == "System.Runtime.InteropServices")
            {
                return attribute;
            }
        }

        return null;
    }

    public static bool IsLibraryImport(AttributeSyntax attribute, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetSymbolInfo(attribute, cancellationToken).Symbol?.ContainingType.Name == LibraryImport;

    /// <summary>Sets <c>name = value</c>, replacing an existing named argument of that name.</summary>
    public static AttributeSyntax WithNamedArgument(AttributeSyntax attribute, string name, ExpressionSyntax value)
    {
        var argument = SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName(name)), null, value);
        var list = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        var existing = list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        list = existing != null ? list.ReplaceNode(existing, argument) : list.AddArguments(argument);
        return attribute.WithArgumentList(list);
    }

    /// <summary>A member of a System.Runtime.InteropServices enum, written in full and simplified against the file's usings.</summary>
    public static ExpressionSyntax InteropEnumMember(string enumName, string member) =>
        SyntaxFactory.ParseExpression("global::System.Runtime.InteropServices." + enumName + "." + member)
            .WithAdditionalAnnotations(Simplifier.Annotation);
}
