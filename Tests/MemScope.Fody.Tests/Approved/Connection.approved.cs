using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using MemScopeRuntime;

namespace AssemblyToProcess;

[Tracked]
[RecordsDisposal]
public sealed class Connection : IDisposable, ITrackedObject
{
	private bool _open = true;

	[NonSerialized]
	[CompilerGenerated]
	[DebuggerBrowsable(DebuggerBrowsableState.Never)]
	private long <MemScope>Id;

	public string Query(string text)
	{
		return _open ? ("result of " + text) : "closed";
	}

	public void Dispose()
	{
		bool entered = Probe.DisposeEnter(this, <MemScope>Sites.First + 0);
		try
		{
			_open = false;
		}
		finally
		{
			Probe.DisposeExit(this, entered);
		}
	}

	[CompilerGenerated]
	ref long ITrackedObject.MemScopeId()
	{
		return ref <MemScope>Id;
	}
}
