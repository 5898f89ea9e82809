using System.Linq;
using Fody;
using TypeSystem = Fody.TypeSystem;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace MemScopeFody;

/// <summary>
/// What every weaving concern shares: the module, the runtime's Probe methods, the one site table,
/// and the injected class whose static field holds this assembly's first global site id.
/// </summary>
public sealed class WeavingContext
{
    public const string SitesClassName = "<MemScope>Sites";

    private readonly Instruction _siteCountOperand;

    public WeavingContext(ModuleDefinition module, WeaverConfig config, TypeSystem typeSystem, IWeaverLog log, System.Func<string, TypeDefinition> findType)
    {
        Module = module;
        Config = config;
        TypeSystem = typeSystem;
        Log = log;
        Scope = new TrackingScope(module, config);
        Sites = new SiteTableBuilder();

        var runtime = module.AssemblyResolver.Resolve(new AssemblyNameReference("MemScope.Runtime", null))
            ?? throw new WeavingException("MemScope.Runtime could not be resolved: add a reference to the MemScope.Runtime package or project.");
        var probe = runtime.MainModule.GetType("MemScopeRuntime.Probe")
            ?? throw new WeavingException("MemScope.Runtime has no MemScopeRuntime.Probe type; MemScope.Fody and MemScope.Runtime versions do not match.");
        MethodReference Import(string name, int parameters) =>
            module.ImportReference(probe.Methods.FirstOrDefault(m => m.Name == name && m.Parameters.Count == parameters)
                ?? throw new WeavingException($"MemScope.Runtime's Probe has no {name} with {parameters} parameters; MemScope.Fody and MemScope.Runtime versions do not match."));

        Disposing = Import("Disposing", 2);
        DisposeCall = Import("DisposeCall", 2);
        CheckUse = Import("CheckUse", 2);
        Finalizing = Import("Finalizing", 2);
        HandleAddRef = Import("HandleAddRef", 2);
        HandleRelease = Import("HandleRelease", 2);
        HandleSetInvalid = Import("HandleSetInvalid", 2);
        HandleGet = Import("HandleGet", 2);
        PInvokeEnter = Import("PInvokeEnter", 1);
        Subscribe = Import("Subscribe", 3);
        Unsubscribe = Import("Unsubscribe", 3);
        PInvokeExit = Import("PInvokeExit", 2);
        PInvokePointer = Import("PInvokePointer", 3);
        PInvokeHandle = Import("PInvokeHandle", 3);
        NativeShims = runtime.MainModule.GetType("MemScopeRuntime.NativeShims")
            ?? throw new WeavingException("MemScope.Runtime has no MemScopeRuntime.NativeShims type; MemScope.Fody and MemScope.Runtime versions do not match.");
        var marker = runtime.MainModule.GetType("MemScopeRuntime.RecordsDisposalAttribute")
            ?? throw new WeavingException("MemScope.Runtime has no MemScopeRuntime.RecordsDisposalAttribute; MemScope.Fody and MemScope.Runtime versions do not match.");
        RecordsDisposalConstructor = module.ImportReference(marker.Methods.First(m => m.IsConstructor && !m.IsStatic));
        RegisterModule = Import("RegisterModule", 2);
        Alloc = Import("Alloc", 2);
        AllocArray = Import("AllocArray", 3);
        AllocString = Import("AllocString", 2);
        Bind = Import("Bind", 3);
        ScopeEnd = Import("ScopeEnd", 2);

        (FirstSiteField, _siteCountOperand) = InjectSitesClass(findType);
        Emit = new IlEmitter(this);
        var trackedObject = runtime.MainModule.GetType("MemScopeRuntime.ITrackedObject")
            ?? throw new WeavingException("MemScope.Runtime has no MemScopeRuntime.ITrackedObject; MemScope.Fody and MemScope.Runtime versions do not match.");
        IdentitySlots = new IdentitySlots(this, trackedObject, findType);
    }

    public ModuleDefinition Module { get; }
    public WeaverConfig Config { get; }
    public TypeSystem TypeSystem { get; }
    public IWeaverLog Log { get; }
    public TrackingScope Scope { get; }
    public SiteTableBuilder Sites { get; }
    public IlEmitter Emit { get; }
    public IdentitySlots IdentitySlots { get; }

    public MethodReference RegisterModule { get; }
    public MethodReference Alloc { get; }
    public MethodReference AllocArray { get; }
    public MethodReference AllocString { get; }
    public MethodReference Bind { get; }
    public MethodReference ScopeEnd { get; }
    public MethodReference Disposing { get; }
    public MethodReference DisposeCall { get; }
    public MethodReference CheckUse { get; }
    public MethodReference Finalizing { get; }
    public MethodReference HandleAddRef { get; }
    public MethodReference HandleRelease { get; }
    public MethodReference HandleSetInvalid { get; }
    public MethodReference HandleGet { get; }
    public MethodReference PInvokeEnter { get; }
    public MethodReference Subscribe { get; }
    public MethodReference Unsubscribe { get; }
    public MethodReference PInvokeExit { get; }
    public MethodReference PInvokePointer { get; }
    public MethodReference PInvokeHandle { get; }
    public MethodReference RecordsDisposalConstructor { get; }

    /// <summary>The runtime's stand-ins for native-memory APIs (resolved, not imported: the concern picks overloads).</summary>
    public TypeDefinition NativeShims { get; }

    public FieldDefinition FirstSiteField { get; }

    /// <summary>Injects the identity slots, writes the site table resource and fixes the site count the module registers with.</summary>
    public void Complete()
    {
        IdentitySlots.Inject();
        _siteCountOperand.Operand = Sites.Count;
        Module.Resources.Add(new EmbeddedResource(SiteTableBuilder.ResourceName, ManifestResourceAttributes.Private, Sites.ToJson(Module.Assembly.Name.Name)));
    }

    /// <summary>
    /// internal static class &lt;MemScope&gt;Sites { internal static readonly int First = Probe.RegisterModule(typeof(&lt;MemScope&gt;Sites), count); }
    /// Registering from a static constructor means the first woven call starts the session, once.
    /// </summary>
    private (FieldDefinition, Instruction) InjectSitesClass(System.Func<string, TypeDefinition> findType)
    {
        var type = new TypeDefinition("", SitesClassName,
            TypeAttributes.NotPublic | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.BeforeFieldInit | TypeAttributes.Class,
            TypeSystem.ObjectReference);
        var first = new FieldDefinition("First", FieldAttributes.Assembly | FieldAttributes.Static | FieldAttributes.InitOnly, TypeSystem.Int32Reference);
        type.Fields.Add(first);

        var cctor = new MethodDefinition(".cctor",
            MethodAttributes.Private | MethodAttributes.Static | MethodAttributes.HideBySig | MethodAttributes.SpecialName | MethodAttributes.RTSpecialName,
            TypeSystem.VoidReference);
        var getTypeFromHandle = Module.ImportReference(findType("System.Type").Methods.First(m => m.Name == "GetTypeFromHandle"));
        var count = Instruction.Create(OpCodes.Ldc_I4, 0);
        var il = cctor.Body.GetILProcessor();
        il.Emit(OpCodes.Ldtoken, type);
        il.Emit(OpCodes.Call, getTypeFromHandle);
        il.Append(count);
        il.Emit(OpCodes.Call, RegisterModule);
        il.Emit(OpCodes.Stsfld, first);
        il.Emit(OpCodes.Ret);
        type.Methods.Add(cctor);
        Module.Types.Add(type);
        return (first, count);
    }
}
