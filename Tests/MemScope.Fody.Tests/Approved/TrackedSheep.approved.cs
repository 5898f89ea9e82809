using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using MemScopeRuntime;

namespace AssemblyToProcess;

[Tracked]
public sealed class TrackedSheep : ITrackedObject
{
	[CompilerGenerated]
	[DebuggerBrowsable(DebuggerBrowsableState.Never)]
	private readonly string <Name>k__BackingField;

	[NonSerialized]
	[CompilerGenerated]
	[DebuggerBrowsable(DebuggerBrowsableState.Never)]
	private long <MemScope>Id;

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

	[CompilerGenerated]
	ref long ITrackedObject.MemScopeId()
	{
		return ref <MemScope>Id;
	}
}
