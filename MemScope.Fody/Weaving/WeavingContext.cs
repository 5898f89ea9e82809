using System.Linq;
using MemScopeFody.Il;
using MemScopeRuntime;
using Mono.Cecil;
using Mono.Cecil.Cil;
using TypeSystem = Fody.TypeSystem;

namespace MemScopeFody.Weaving;

/// <summary>
/// What every weaving concern shares: the module, the runtime's probe methods, the one site table,
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

        Probes = new ProbeMethods(module);

        (FirstSiteField, _siteCountOperand) = InjectSitesClass(findType);
        Emit = new IlEmitter(module, Probes, FirstSiteField, typeSystem.ObjectReference);
        IdentitySlots = new IdentitySlots(this, findType);
    }

    public ModuleDefinition Module { get; }
    public WeaverConfig Config { get; }
    public TypeSystem TypeSystem { get; }
    public IWeaverLog Log { get; }
    public TrackingScope Scope { get; }
    public SiteTableBuilder Sites { get; }
    public IlEmitter Emit { get; }
    public IdentitySlots IdentitySlots { get; }

    /// <summary>Names of variables an optimising build removed, read from the statements that declared them.</summary>
    public SourceDeclarations SourceDeclarations { get; } = new SourceDeclarations();

    /// <summary>The runtime's entry points the woven code calls.</summary>
    public ProbeMethods Probes { get; }

    public FieldDefinition FirstSiteField { get; }

    /// <summary>Injects the identity slots, writes the site table resource and fixes the site count the module registers with.</summary>
    public void Complete()
    {
        IdentitySlots.Inject();
        _siteCountOperand.Operand = Sites.Count;
        Module.Resources.Add(new EmbeddedResource(WeaverContract.SiteTableResource, ManifestResourceAttributes.Private, Sites.ToJson(Module.Assembly.Name.Name)));
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
        il.Emit(OpCodes.Call, Probes.RegisterModule);
        il.Emit(OpCodes.Stsfld, first);
        il.Emit(OpCodes.Ret);
        type.Methods.Add(cctor);
        Module.Types.Add(type);
        return (first, count);
    }
}
