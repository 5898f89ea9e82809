using System.Linq;
using Fody;
using MemScopeRuntime;
using Mono.Cecil;

namespace MemScopeFody.Il;

/// <summary>
/// Every runtime entry point the woven code calls, looked up once in the referenced MemScope.Runtime and imported
/// into the module being woven. A missing one means the weaver and the runtime are of different versions.
/// </summary>
public sealed class ProbeMethods
{
    private readonly ModuleDefinition _module;
    private readonly TypeDefinition _probe;

    public ProbeMethods(ModuleDefinition module)
    {
        _module = module;
        var runtime = module.AssemblyResolver.Resolve(new AssemblyNameReference(WeaverContract.RuntimeAssembly, null))
            ?? throw new WeavingException($"{WeaverContract.RuntimeAssembly} could not be resolved: add a reference to the MemScope.Runtime package or project.");
        Runtime = runtime.MainModule;
        _probe = RuntimeType(WeaverContract.ProbeType);

        RegisterModule = Import(nameof(RegisterModule), 2);
        Alloc = Import(nameof(Alloc), 2);
        AllocArray = Import(nameof(AllocArray), 3);
        AllocString = Import(nameof(AllocString), 2);
        AllocAny = Import(nameof(AllocAny), 2);
        AllocClone = Import(nameof(AllocClone), 2);
        Cloned = Import(nameof(Cloned), 1);
        Bind = Import(nameof(Bind), 3);
        ScopeEnd = Import(nameof(ScopeEnd), 2);
        Disposing = Import(nameof(Disposing), 2);
        DisposeEnter = Import(nameof(DisposeEnter), 2);
        DisposeEnterIfDisposing = Import(nameof(DisposeEnter), 3);
        DisposeExit = Import(nameof(DisposeExit), 2);
        DisposeCall = Import(nameof(DisposeCall), 2);
        CheckUse = Import(nameof(CheckUse), 2);
        Finalizing = Import(nameof(Finalizing), 2);
        HandleAddRef = Import(nameof(HandleAddRef), 2);
        HandleRelease = Import(nameof(HandleRelease), 2);
        HandleSetInvalid = Import(nameof(HandleSetInvalid), 2);
        HandleGet = Import(nameof(HandleGet), 2);
        PInvokeEnter = Import(nameof(PInvokeEnter), 1);
        PInvokeExit = Import(nameof(PInvokeExit), 2);
        PInvokePointer = Import(nameof(PInvokePointer), 3);
        PInvokeHandle = Import(nameof(PInvokeHandle), 3);
        Subscribe = Import(nameof(Subscribe), 3);
        Unsubscribe = Import(nameof(Unsubscribe), 3);

        NativeShims = RuntimeType(WeaverContract.NativeShimsType);
        RecordsDisposalConstructor = module.ImportReference(
            RuntimeType(WeaverContract.RecordsDisposalAttributeType).Methods.First(m => m.IsConstructor && !m.IsStatic));
        TrackedObject = RuntimeType(WeaverContract.TrackedObjectInterface);
    }

    /// <summary>MemScope.Runtime's main module, as the assembly resolver found it.</summary>
    public ModuleDefinition Runtime { get; }

    public MethodReference RegisterModule { get; }
    public MethodReference Alloc { get; }
    public MethodReference AllocArray { get; }
    public MethodReference AllocString { get; }

    /// <summary>AllocAny(object, int): an allocation API's result, sized at run time by what it is.</summary>
    public MethodReference AllocAny { get; }

    /// <summary>AllocClone(object, int): a MemberwiseClone in tracked code.</summary>
    public MethodReference AllocClone { get; }

    /// <summary>Cloned(object): a MemberwiseClone in untracked code; the clone drops its copy of the original's id.</summary>
    public MethodReference Cloned { get; }
    public MethodReference Bind { get; }
    public MethodReference ScopeEnd { get; }
    public MethodReference Disposing { get; }

    /// <summary>DisposeEnter(object, int): entry of a parameterless disposal method; returns whether DisposeExit must follow.</summary>
    public MethodReference DisposeEnter { get; }

    /// <summary>DisposeEnter(object, bool disposing, int): entry of Dispose(bool).</summary>
    public MethodReference DisposeEnterIfDisposing { get; }

    public MethodReference DisposeExit { get; }
    public MethodReference DisposeCall { get; }
    public MethodReference CheckUse { get; }
    public MethodReference Finalizing { get; }
    public MethodReference HandleAddRef { get; }
    public MethodReference HandleRelease { get; }
    public MethodReference HandleSetInvalid { get; }
    public MethodReference HandleGet { get; }
    public MethodReference PInvokeEnter { get; }
    public MethodReference PInvokeExit { get; }
    public MethodReference PInvokePointer { get; }
    public MethodReference PInvokeHandle { get; }
    public MethodReference Subscribe { get; }
    public MethodReference Unsubscribe { get; }

    /// <summary>The runtime's stand-ins for native-memory APIs (resolved, not imported: the caller picks overloads).</summary>
    public TypeDefinition NativeShims { get; }

    public MethodReference RecordsDisposalConstructor { get; }

    /// <summary>The interface a class with an injected id field implements.</summary>
    public TypeDefinition TrackedObject { get; }

    private MethodReference Import(string name, int parameters) =>
        _module.ImportReference(_probe.Methods.FirstOrDefault(m => m.Name == name && m.Parameters.Count == parameters)
            ?? throw new WeavingException($"MemScope.Runtime's Probe has no {name} with {parameters} parameters; MemScope.Fody and MemScope.Runtime versions do not match."));

    private TypeDefinition RuntimeType(string fullName) =>
        Runtime.GetType(fullName)
            ?? throw new WeavingException($"MemScope.Runtime has no {fullName}; MemScope.Fody and MemScope.Runtime versions do not match.");
}
