using System.Collections.Generic;
using System.Linq;
using Fody;
using Mono.Cecil;
using Mono.Cecil.Cil;
using MemScopeFody.Concerns;
using MemScopeFody.Il;
using MemScopeFody.Weaving;

/// <summary>
/// Fody's entry point: reads &lt;MemScope&gt; from FodyWeavers.xml, applies each weaving concern to every
/// method, warns where [Tracked] cannot act, and embeds the site table.
/// </summary>
public sealed class ModuleWeaver : BaseModuleWeaver, IWeaverLog
{
    public override void Execute()
    {
        var config = WeaverConfig.Read(Config);
        ConfigCheck.ThrowIfRepeated(ProjectDirectoryPath, SolutionDirectoryPath);
        var context = new WeavingContext(ModuleDefinition, config, TypeSystem, this, FindTypeDefinition);
        foreach (var warning in ConfigCheck.NamespaceFilterWarnings(ModuleDefinition, config, context.Scope.AssemblyTracked))
            WriteWarning(warning, (SequencePoint?)null);
        if (config.TrackDisposables)
            InheritedDisposal.AddOverrides(ModuleDefinition, context.Scope);
        var concerns = new MethodConcern[]
        {
            new AllocationsConcern(context),
            new ClonesConcern(context),
            new FieldsConcern(context),
            new CapturedLocalsConcern(context),
            new DisposalPatternConcern(context),
            new DisposablesConcern(context),
            new NativeMemoryConcern(context),
            new PInvokeConcern(context),
            new EventSubscriptionsConcern(context),
            new LocalsConcern(context), // last: it wraps the method body, after the others inserted their code
        }.Where(c => c.Enabled).ToList();

        foreach (var type in ModuleDefinition.GetTypes().ToList())
        {
            if (type.Name == WeavingContext.SitesClassName)
                continue;
            foreach (var method in type.Methods.ToList())
            {
                if (!method.HasBody)
                {
                    WarnIfTrackedWithoutBody(method);
                    continue;
                }
                var woven = new WovenMethod(context, method);
                IlEmitter.Edit(method.Body, () =>
                {
                    foreach (var concern in concerns)
                    {
                        if (woven.IsTracked || concern.WeavesUntrackedMethods)
                            concern.Weave(woven);
                    }
                });
            }
        }

        context.Complete();
        WriteInfo($"MemScope: {context.Sites.Count} sites woven into {ModuleDefinition.Assembly.Name.Name}.");
    }

    private void WarnIfTrackedWithoutBody(MethodDefinition method)
    {
        if (!TrackingScope.HasAttribute(method, "TrackedAttribute"))
            return;
        // A method without a body has no sequence point: the message names it instead of a line.
        string why = method.IsAbstract ? "it is abstract and has no body" : method.IsPInvokeImpl ? "it is extern (P/Invoke) and has no IL body" : "it has no IL body";
        WriteWarning($"[Tracked] on {CecilNames.Type(method.DeclaringType)}.{method.Name} has no effect: {why}. Put [Tracked] on the overriding or calling methods instead.", (SequencePoint?)null);
    }

    // The woven code calls MemScope.Runtime: its reference must survive weaving.
    public override bool ShouldCleanReference => false;

    public override IEnumerable<string> GetAssembliesForScanning()
    {
        yield return "netstandard";
        yield return "mscorlib";
        yield return "System.Runtime";
        yield return "System.Private.CoreLib";
    }

    void IWeaverLog.Warning(string message, SequencePoint? at) => WriteWarning(message, at);

    void IWeaverLog.Info(string message) => WriteInfo(message);
}
