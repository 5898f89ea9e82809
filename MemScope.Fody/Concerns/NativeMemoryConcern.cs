using System.Collections.Generic;
using System.Linq;
using MemScopeFody.Il;
using MemScopeFody.Weaving;
using Mono.Cecil;
using Mono.Cecil.Cil;
using SiteKinds = MemScopeRuntime.WeaverContract.SiteKinds;

namespace MemScopeFody.Concerns;

/// <summary>
/// Replaces calls to native-memory APIs in tracked code with the runtime's NativeShims, which perform
/// the real call, record address, size and site, and stop a double free before it reaches the allocator.
/// </summary>
public sealed class NativeMemoryConcern : MethodConcern
{
    private static readonly Dictionary<string, string> ShimNames = new Dictionary<string, string>
    {
        ["System.Runtime.InteropServices.Marshal.AllocHGlobal"] = "AllocHGlobal",
        ["System.Runtime.InteropServices.Marshal.ReAllocHGlobal"] = "ReAllocHGlobal",
        ["System.Runtime.InteropServices.Marshal.FreeHGlobal"] = "FreeHGlobal",
        ["System.Runtime.InteropServices.Marshal.AllocCoTaskMem"] = "AllocCoTaskMem",
        ["System.Runtime.InteropServices.Marshal.ReAllocCoTaskMem"] = "ReAllocCoTaskMem",
        ["System.Runtime.InteropServices.Marshal.FreeCoTaskMem"] = "FreeCoTaskMem",
        ["System.Runtime.InteropServices.Marshal.StringToHGlobalAnsi"] = "StringToHGlobalAnsi",
        ["System.Runtime.InteropServices.Marshal.StringToHGlobalUni"] = "StringToHGlobalUni",
        ["System.Runtime.InteropServices.Marshal.StringToHGlobalAuto"] = "StringToHGlobalAuto",
        ["System.Runtime.InteropServices.Marshal.StringToCoTaskMemAnsi"] = "StringToCoTaskMemAnsi",
        ["System.Runtime.InteropServices.Marshal.StringToCoTaskMemUni"] = "StringToCoTaskMemUni",
        ["System.Runtime.InteropServices.Marshal.StringToCoTaskMemAuto"] = "StringToCoTaskMemAuto",
        ["System.Runtime.InteropServices.Marshal.StringToCoTaskMemUTF8"] = "StringToCoTaskMemUTF8",
        ["System.Runtime.InteropServices.NativeMemory.Alloc"] = "Alloc",
        ["System.Runtime.InteropServices.NativeMemory.AllocZeroed"] = "AllocZeroed",
        ["System.Runtime.InteropServices.NativeMemory.AlignedAlloc"] = "AlignedAlloc",
        ["System.Runtime.InteropServices.NativeMemory.Realloc"] = "Realloc",
        ["System.Runtime.InteropServices.NativeMemory.AlignedRealloc"] = "AlignedRealloc",
        ["System.Runtime.InteropServices.NativeMemory.Free"] = "Free",
        ["System.Runtime.InteropServices.NativeMemory.AlignedFree"] = "AlignedFree",
        ["System.Runtime.InteropServices.GCHandle.Alloc"] = "GCHandleAlloc",
        ["System.Runtime.InteropServices.GCHandle.Free"] = "GCHandleFree",
        ["System.Buffers.ArrayPool`1.Rent"] = "Rent",
        ["System.Buffers.ArrayPool`1.Return"] = "Return",
    };

    public NativeMemoryConcern(WeavingContext context)
        : base(context)
    {
    }

    public override bool Enabled => Context.Config.TrackNativeMemory;

    public override void Weave(WovenMethod method)
    {
        foreach (var call in InstructionFacts.Calls(method.Body))
        {
            var callee = (MethodReference)call.Operand;
            var shim = ShimFor(callee);
            if (shim == null)
                continue;
            string api = CecilNames.ShortType(callee.DeclaringType) + "." + callee.Name;
            int site = method.AddSite(SiteKinds.Native, call, method.HolderName(call), api);
            var relocated = Context.Emit.InsertBefore(method.Body, call, Context.Emit.LoadSite(site));
            relocated.OpCode = OpCodes.Call;
            relocated.Operand = shim;
        }
    }

    /// <summary>The shim with the callee's parameters (the instance, for instance methods, first) plus the site.</summary>
    private MethodReference? ShimFor(MethodReference callee)
    {
        var declaring = callee.DeclaringType is GenericInstanceType generic ? generic.ElementType : callee.DeclaringType;
        if (!ShimNames.TryGetValue(declaring.FullName + "." + callee.Name, out var shimName))
            return null;

        var expected = new List<string>();
        if (callee.HasThis)
            expected.Add(callee.DeclaringType.IsValueType ? declaring.FullName + "&" : declaring.FullName);
        expected.AddRange(callee.Parameters.Select(p => p.ParameterType.FullName));
        expected.Add("System.Int32");

        foreach (var candidate in Context.Probes.NativeShims.Methods.Where(m => m.Name == shimName && m.Parameters.Count == expected.Count))
        {
            var actual = candidate.Parameters.Select(p => ShapeOf(p.ParameterType)).ToList();
            if (!actual.SequenceEqual(expected.Select(NormalizeGeneric)))
                continue;
            var imported = Context.Module.ImportReference(candidate);
            if (!candidate.HasGenericParameters)
                return imported;
            var instance = new GenericInstanceMethod(imported);
            instance.GenericArguments.Add(((GenericInstanceType)callee.DeclaringType).GenericArguments[0]);
            return instance;
        }
        Context.Log.Warning($"MemScope has no shim for {callee.FullName}; the call is not tracked.", null);
        return null;
    }

    // Parameters are compared by shape: the pool's T and the shim's method T are both "T".
    private static string ShapeOf(TypeReference type) => type switch
    {
        GenericInstanceType g => g.ElementType.FullName,
        ArrayType { ElementType: GenericParameter } => "T[]",
        GenericParameter _ => "T",
        _ => type.FullName,
    };

    private static string NormalizeGeneric(string fullName) => fullName == "T[]" || fullName == "!0[]" ? "T[]" : fullName == "!0" ? "T" : fullName;
}
