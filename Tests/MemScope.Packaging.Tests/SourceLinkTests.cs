using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using MemScopeTestShared;
using Xunit;

namespace MemScopePackagingTests;

/// <summary>
/// Source Link, as a clone of the declared repository builds it: the embedded PDB maps the sources to
/// raw.githubusercontent.com at the built commit. The working copy may have no remote (Source Link then stays
/// silent and maps nothing), so the test clones the current commit and gives the clone the declared URL as origin.
/// </summary>
[Collection(PackedSolutionCollection.Name)]
public class SourceLinkTests(PackedSolution packed)
{
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    [Fact]
    public void A_clone_of_the_declared_repository_builds_assemblies_whose_pdb_points_at_the_commit_on_GitHub()
    {
        string root = TestEnvironment.RepositoryRoot;
        string commit = ProcessRunner.RunOk("git", "rev-parse HEAD", root).Output.Trim();
        string clone = Path.Combine(Directory.CreateTempSubdirectory("memscope-clone-").FullName, "memscope");
        try
        {
            ProcessRunner.RunOk("git", $"clone --quiet --no-checkout \"{root}\" \"{clone}\"", root);
            ProcessRunner.RunOk("git", $"checkout --quiet --detach {commit}", clone);
            ProcessRunner.RunOk("git", $"remote set-url origin {packed.RepositoryUrl}", clone);

            ProcessRunner.RunOk("dotnet", "build MemScope.Trace/MemScope.Trace.csproj -c Release -f net10.0 -nologo -nodeReuse:false", clone, timeout: TimeSpan.FromMinutes(10));

            string json = SourceLinkOf(Path.Combine(clone, "MemScope.Trace", "bin", "Release", "net10.0", "MemScope.Trace.dll"));
            using var document = JsonDocument.Parse(json);
            var mapping = Assert.Single(document.RootElement.GetProperty("documents").EnumerateObject());
            Assert.EndsWith("*", mapping.Name);
            string repository = new Uri(packed.RepositoryUrl).AbsolutePath.Trim('/');
            Assert.Equal($"https://raw.githubusercontent.com/{repository}/{commit}/*", mapping.Value.GetString());
        }
        finally
        {
            DeleteClone(Path.GetDirectoryName(clone)!);
        }
    }

    private static string SourceLinkOf(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        var embedded = pe.ReadDebugDirectory().Single(d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        using var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
        var pdb = provider.GetMetadataReader();
        foreach (var handle in pdb.GetCustomDebugInformation(EntityHandle.ModuleDefinition))
        {
            var information = pdb.GetCustomDebugInformation(handle);
            if (pdb.GetGuid(information.Kind) == SourceLinkKind)
                return System.Text.Encoding.UTF8.GetString(pdb.GetBlobBytes(information.Value));
        }
        throw new InvalidOperationException($"{assembly} has no Source Link information in its PDB");
    }

    private static void DeleteClone(string directory)
    {
        // git makes its object files read-only; clear that so the folder can go.
        foreach (string file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
            File.SetAttributes(file, FileAttributes.Normal);
        try { Directory.Delete(directory, recursive: true); }
        catch (IOException) { }
    }
}
