using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace MemScopeFody.Il;

/// <summary>
/// Constructors that take ownership of a disposable argument: disposing the new object disposes the argument
/// (`new StreamReader(stream)`, `new GZipStream(stream, mode)`, `new HttpClient(handler)`), unless a leaveOpen
/// argument says otherwise. A user's constructor says so with [TakesOwnership] on the parameter.
/// </summary>
public static class OwningConstructors
{
    private static readonly HashSet<string> Owners = new HashSet<string>(StringComparer.Ordinal)
    {
        "System.IO.StreamReader", "System.IO.StreamWriter", "System.IO.BinaryReader", "System.IO.BinaryWriter",
        "System.IO.BufferedStream", "System.IO.Compression.GZipStream", "System.IO.Compression.DeflateStream",
        "System.IO.Compression.BrotliStream", "System.IO.Compression.ZLibStream", "System.IO.Compression.ZipArchive",
        "System.Security.Cryptography.CryptoStream", "System.Net.Security.SslStream", "System.Net.Security.NegotiateStream",
        "System.Net.Http.HttpClient", "System.Net.Http.HttpMessageInvoker", "System.Net.Http.DelegatingHandler",
    };

    /// <summary>Parameters that, when true, leave the argument with the caller.</summary>
    private static readonly HashSet<string> LeaveOpenParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "leaveOpen", "leaveInnerStreamOpen" };

    /// <summary>Parameters that, when false, leave the argument with the caller.</summary>
    private static readonly HashSet<string> DisposeParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "disposeHandler" };

    /// <summary>Whether <paramref name="newobj"/> takes ownership of its argument number <paramref name="argument"/>.</summary>
    public static bool TakesOwnership(Instruction newobj, int argument)
    {
        if (newobj.OpCode.Code != Code.Newobj || newobj.Operand is not MethodReference constructor ||
            argument < 0 || argument >= constructor.Parameters.Count)
            return false;
        var parameter = constructor.Parameters[argument];
        bool marked = constructor.Resolve()?.Parameters[argument].CustomAttributes.Any(a => a.AttributeType.Name == "TakesOwnershipAttribute") == true;
        if (!marked && (!Owners.Contains(constructor.DeclaringType.FullName) || TypeFacts.StorageOf(parameter.ParameterType) != Storage.Reference))
            return false;
        for (int i = 0; i < constructor.Parameters.Count; i++)
        {
            string name = constructor.Parameters[i].Name;
            bool? value = LeaveOpenParameters.Contains(name) || DisposeParameters.Contains(name) ? ConstantArgument(newobj, constructor, i) : null;
            if (LeaveOpenParameters.Contains(name) && value != false)
                return value == null ? true : false; // an unknown leaveOpen is taken as owned: a missed leak rather than a false one
            if (DisposeParameters.Contains(name) && value == false)
                return false;
        }
        return true;
    }

    /// <summary>The constant a bool argument was given, when the arguments after it are each one plain load; otherwise null.</summary>
    private static bool? ConstantArgument(Instruction newobj, MethodReference constructor, int index)
    {
        var at = newobj.Previous;
        for (int after = constructor.Parameters.Count - 1; after > index; after--)
        {
            if (at == null || StackEffect.Pops(at) != 0 || StackEffect.Pushes(at) != 1)
                return null;
            at = at.Previous;
        }
        return at?.OpCode.Code switch
        {
            Code.Ldc_I4_0 => false,
            Code.Ldc_I4_1 => true,
            _ => null,
        };
    }
}
