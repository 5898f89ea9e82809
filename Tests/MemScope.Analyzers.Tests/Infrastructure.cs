using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace MemScopeAnalyzers.Tests
{
    /// <summary>What every test compilation shares: .NET reference assemblies from the installed SDK, unsafe code, the MemScope attributes.</summary>
    internal static class TestEnvironment
    {
        /// <summary>The MemScope attributes, declared in the global namespace as MemScope.Runtime declares them.</summary>
        public const string AttributesSource = @"
[System.AttributeUsage(System.AttributeTargets.Assembly | System.AttributeTargets.Class | System.AttributeTargets.Struct | System.AttributeTargets.Method | System.AttributeTargets.Constructor | System.AttributeTargets.Property | System.AttributeTargets.Field)]
public sealed class TrackedAttribute : System.Attribute { }

[System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Struct | System.AttributeTargets.Method | System.AttributeTargets.Constructor | System.AttributeTargets.Property | System.AttributeTargets.Field)]
public sealed class NotTrackedAttribute : System.Attribute { }
";

        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new Lazy<ImmutableArray<MetadataReference>>(LoadReferences);

        public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

        /// <summary>No package download: the tests compile against the reference pack the SDK already has.</summary>
        public static ReferenceAssemblies NoPackages { get; } = new ReferenceAssemblies("net10.0");

        public static Solution AllowUnsafe(Solution solution, ProjectId projectId)
        {
            var options = (CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
            return solution.WithProjectCompilationOptions(projectId, options.WithAllowUnsafe(true));
        }

        public static void Configure(SolutionState state)
        {
            state.Sources.Add(("/0/MemScopeAttributes.cs", AttributesSource));
            state.AdditionalReferences.AddRange(References);
        }

        private static ImmutableArray<MetadataReference> LoadReferences()
        {
            var directory = ReferencePackDirectory() ?? Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            return Directory.GetFiles(directory, "*.dll")
                .Where(f => !Path.GetFileName(f).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
                .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
                .ToImmutableArray();
        }

        private static string? ReferencePackDirectory()
        {
            // <dotnet>/shared/Microsoft.NETCore.App/<version>/ → <dotnet>/packs/Microsoft.NETCore.App.Ref/<version>/ref/net<major>.0
            var runtimeDirectory = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
            var dotnetRoot = runtimeDirectory.Parent?.Parent?.Parent;
            var packs = dotnetRoot == null ? null : new DirectoryInfo(Path.Combine(dotnetRoot.FullName, "packs", "Microsoft.NETCore.App.Ref"));
            if (packs == null || !packs.Exists)
            {
                return null;
            }

            var framework = "net" + Environment.Version.Major + ".0";
            return packs.GetDirectories()
                .OrderByDescending(d => d.Name == runtimeDirectory.Name)
                .ThenByDescending(d => d.Name, StringComparer.Ordinal)
                .Select(d => Path.Combine(d.FullName, "ref", framework))
                .FirstOrDefault(Directory.Exists);
        }
    }
}
