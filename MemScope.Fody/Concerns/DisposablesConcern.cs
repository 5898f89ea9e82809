using System.Collections.Generic;
using System.Linq;
using MemScopeFody.Il;
using MemScopeFody.Weaving;
using Mono.Cecil;
using Mono.Cecil.Cil;
using SiteKinds = MemScopeRuntime.WeaverContract.SiteKinds;

namespace MemScopeFody.Concerns;

/// <summary>
/// Calls on disposables and SafeHandles in tracked code: calls on disposable objects check for use after dispose,
/// Dispose and Close calls are recorded (a tracked type records its own disposal, see <see cref="DisposalPatternConcern"/>:
/// the call only lends it its line), and SafeHandle AddRef/Release/SetHandleAsInvalid/DangerousGetHandle calls feed
/// the handle's refcount timeline.
/// </summary>
public sealed class DisposablesConcern(WeavingContext context) : MethodConcern(context)
{
    private static readonly HashSet<string> DisposeNames = new HashSet<string> { "Dispose", "DisposeAsync", "Close" };

    // Members that are meant to be called on a closed or disposed object.
    private static readonly HashSet<string> SafeAfterDispose = new HashSet<string> { "GetType", "GetHashCode", "Equals", "ToString" };

    public override bool Enabled => Context.Config.TrackDisposables || Context.Config.TrackHandles;

    public override void Weave(WovenMethod method)
    {
        foreach (var call in InstructionFacts.Calls(method.Body))
        {
            var callee = (MethodReference)call.Operand;
            if (!callee.HasThis || callee.DeclaringType.IsValueType || InstructionFacts.HasPrefix(call) || SafeAfterDispose.Contains(callee.Name) || IsStatusFlag(callee))
                continue;
            if (IsOwnMember(method.Method, callee) || !TypeFacts.IsLifecycleWorthTracking(callee.DeclaringType))
                continue;

            bool isHandle = TypeFacts.IsSafeHandle(callee.DeclaringType);
            var probe = ProbeFor(callee, isHandle);
            if (probe == null)
                continue;

            var receiverType = ReceiverType(method, call) ?? callee.DeclaringType;
            int site = method.AddSite(SiteKinds.Call, call, CecilNames.ShortType(receiverType) + "." + callee.Name, CecilNames.Type(receiverType));
            Context.Emit.AroundCall(method.Body, call, arguments =>
            {
                var code = new List<Instruction> { Instruction.Create(OpCodes.Ldloc, arguments[0]) };
                code.AddRange(Context.Emit.CallWithSite(probe, site));
                return code;
            });
        }
    }

    private MethodReference? ProbeFor(MethodReference callee, bool isHandle)
    {
        bool noArguments = callee.Parameters.Count == 0;
        if (DisposeNames.Contains(callee.Name) && noArguments)
            return Context.Config.TrackDisposables ? Context.Probes.DisposeCall : null;
        if (isHandle && Context.Config.TrackHandles)
        {
            switch (callee.Name)
            {
                case "DangerousAddRef": return Context.Probes.HandleAddRef;
                case "DangerousRelease": return Context.Probes.HandleRelease;
                case "SetHandleAsInvalid": return Context.Probes.HandleSetInvalid;
                case "DangerousGetHandle": return Context.Probes.HandleGet;
            }
        }
        return Context.Config.TrackDisposables ? Context.Probes.CheckUse : null;
    }

    /// <summary>A boolean property (IsDisposed, CanRead, IsClosed…) is how an object reports its state, disposed or not.</summary>
    private static bool IsStatusFlag(MethodReference callee) =>
        callee.Name.StartsWith("get_") && callee.Parameters.Count == 0 && callee.ReturnType.MetadataType == MetadataType.Boolean;

    /// <summary>
    /// The declared type of the local or field a parameterless call is made on (`using var cts = …` calls
    /// IDisposable.Dispose on a CancellationTokenSource local): a more useful name than the interface.
    /// </summary>
    private static TypeReference? ReceiverType(WovenMethod method, Instruction call)
    {
        if (((MethodReference)call.Operand).Parameters.Count != 0 || call.Previous == null)
            return null;
        var variable = InstructionFacts.LoadedVariable(method.Body, call.Previous);
        if (variable != null)
            return variable.VariableType;
        return call.Previous.Operand is FieldReference field && (call.Previous.OpCode == OpCodes.Ldfld || call.Previous.OpCode == OpCodes.Ldsfld)
            ? TypeFacts.FieldTypeInContext(field)
            : null;
    }

    /// <summary>A disposable calling its own members (Dispose(bool) from Dispose()) is not a use after dispose.</summary>
    private static bool IsOwnMember(MethodDefinition caller, MethodReference callee)
    {
        var calleeType = callee.DeclaringType.Resolve();
        for (var type = caller.DeclaringType; type != null; type = type.DeclaringType)
        {
            for (var t = type; t != null; t = t.BaseType?.Resolve())
            {
                if (t == calleeType)
                    return true;
            }
        }
        return false;
    }
}
