using System.Diagnostics;
using System.Runtime.CompilerServices;
using MemScopeRuntime;

namespace AssemblyToProcess;

[Tracked]
public sealed class TrackedSheep
{
	[CompilerGenerated]
	[DebuggerBrowsable(DebuggerBrowsableState.Never)]
	private readonly string <Name>k__BackingField;

	public string Name
	{
		[CompilerGenerated]
		get
		{
			return <Name>k__BackingField;
		}
	}

	public TrackedSheep(string name)
	{
		object previous = <Name>k__BackingField;
		<Name>k__BackingField = name;
		Probe.Bind(name, previous, <MemScope>Sites.First + 0);
	}

	public TrackedSheep Copy()
	{
		object obj = MemberwiseClone();
		Probe.AllocClone(obj, <MemScope>Sites.First + 1);
		return (TrackedSheep)obj;
	}
}
