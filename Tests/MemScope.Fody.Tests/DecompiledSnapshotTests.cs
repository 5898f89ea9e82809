using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Runtime.CompilerServices;
using ICSharpCode.Decompiler;
using ICSharpCode.Decompiler.CSharp;
using ICSharpCode.Decompiler.TypeSystem;
using Xunit;

namespace MemScopeFodyTests;

/// <summary>
/// The woven code, decompiled, must match the approved file beside this test. A difference writes
/// a .received.cs next to it: review it, and if it is right, rename it to .approved.cs.
/// </summary>
public class DecompiledSnapshotTests
{
    [Theory]
    [InlineData("AssemblyToProcess.PlainMethod")]
    [InlineData("AssemblyToProcess.GenericHolder`1")]
    [InlineData("AssemblyToProcess.Accumulator")]
    [InlineData("AssemblyToProcess.AsyncScenario")]
    [InlineData("AssemblyToProcess.IteratorScenario")]
    [InlineData("AssemblyToProcess.ClosureScenario")]
    [InlineData("AssemblyToProcess.ExceptionScenario")]
    [InlineData("AssemblyToProcess.Chained")]
    [InlineData("AssemblyToProcess.StaticInit")]
    [InlineData("AssemblyToProcess.Cache")]
    [InlineData("AssemblyToProcess.DisposableScenario")]
    [InlineData("AssemblyToProcess.Connection")]
    [InlineData("AssemblyToProcess.HandleScenario")]
    [InlineData("AssemblyToProcess.NativeScenario")]
    [InlineData("AssemblyToProcess.Shape")]
    [InlineData("AssemblyToProcess.Box`1")]
    [InlineData("AssemblyToProcess.ByRefScenario")]
    [InlineData("AssemblyToProcess.PatternStream")]
    [InlineData("AssemblyToProcess.ChainedResource")]
    [InlineData("AssemblyToProcess.AsyncPatternResource")]
    [InlineData("AssemblyToProcess.FlushingStream")]
    [InlineData("AssemblyToProcess.ThrowingResource")]
    [InlineData("AssemblyToProcess.AllocationApiScenario")]
    [InlineData("AssemblyToProcess.Sheep")]
    [InlineData("AssemblyToProcess.TrackedSheep")]
    public void Woven_code_matches_the_approved_snapshot(string typeName)
    {
        string actual = Decompile(typeName);
        string name = typeName.Replace('`', '_').Replace("AssemblyToProcess.", "");
        string approvedPath = Path.Combine(ApprovedDirectory(), name + ".approved.cs");
        string receivedPath = Path.Combine(ApprovedDirectory(), name + ".received.cs");

        string? approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath) : null;
        if (approved != actual)
        {
            File.WriteAllText(receivedPath, actual);
            Assert.Fail($"Woven {typeName} differs from {approvedPath}; see {receivedPath}.");
        }
        File.Delete(receivedPath);
    }

    private static string Decompile(string typeName)
    {
        // Show compiler-generated state machines and closures as they are, so the injected calls are visible.
        var settings = new DecompilerSettings
        {
            AsyncAwait = false,
            YieldReturn = false,
            AnonymousMethods = false,
            LocalFunctions = false,
            ThrowOnAssemblyResolveErrors = false,
        };
        var decompiler = new CSharpDecompiler(typeof(AssemblyToProcess.PlainMethod).Assembly.Location, settings);
        return NumberLabelsInOrder(NumberSitesFromZero(decompiler.DecompileTypeAsString(new FullTypeName(typeName)).Replace("\r\n", "\n")));
    }

    /// <summary>
    /// Site ids count across the whole assembly, so a scenario added elsewhere renumbers them; the snapshot
    /// keeps their order within the type, which is what the weaving of this type decides.
    /// </summary>
    /// <summary>
    /// The decompiler names goto labels after IL offsets, which move when a site id grows past a short
    /// operand; numbering labels in order of appearance keeps the snapshot about the code's shape.
    /// </summary>
    private static string NumberLabelsInOrder(string code)
    {
        var labels = new Dictionary<string, int>();
        return Regex.Replace(code, @"\bIL_[0-9a-f]{4}\b", m =>
        {
            if (!labels.TryGetValue(m.Value, out int number))
                labels[m.Value] = number = labels.Count;
            return "label" + number;
        });
    }

    private static string NumberSitesFromZero(string code)
    {
        var pattern = new Regex(@"<MemScope>Sites\.First \+ (\d+)");
        var ids = pattern.Matches(code).Select(m => int.Parse(m.Groups[1].Value)).Distinct().Order().ToList();
        return pattern.Replace(code, m => "<MemScope>Sites.First + " + ids.IndexOf(int.Parse(m.Groups[1].Value)));
    }

    private static string ApprovedDirectory([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Approved");
}
