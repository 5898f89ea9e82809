using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using MemScopeRuntime;

namespace AssemblyToProcess;

public sealed class Sheep : ITrackedObject
{
	[NonSerialized]
	[CompilerGenerated]
	[DebuggerBrowsable(DebuggerBrowsableState.Never)]
	private long <MemScope>Id;

	public string Name { get; }

	public Sheep(string name)
	{
		Name = name;
	}

	public Sheep Copy()
	{
		object obj = MemberwiseClone();
		Probe.Cloned(obj);
		return (Sheep)obj;
	}

	[CompilerGenerated]
	ref long ITrackedObject.MemScopeId()
	{
		return ref <MemScope>Id;
	}
}
