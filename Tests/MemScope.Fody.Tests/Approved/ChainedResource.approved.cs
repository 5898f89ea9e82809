using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using MemScopeRuntime;

namespace AssemblyToProcess;

[Tracked]
[RecordsDisposal]
public class ChainedResource : IDisposable, ITrackedObject
{
	[NonSerialized]
	[CompilerGenerated]
	[DebuggerBrowsable(DebuggerBrowsableState.Never)]
	private long <MemScope>Id;

	public int Released { get; private set; }

	public void Dispose()
	{
		bool entered = Probe.DisposeEnter(this, <MemScope>Sites.First + 0);
		try
		{
			Close();
		}
		finally
		{
			Probe.DisposeExit(this, entered);
		}
	}

	public void Close()
	{
		bool entered = Probe.DisposeEnter(this, <MemScope>Sites.First + 1);
		try
		{
			Dispose(disposing: true);
			GC.SuppressFinalize(this);
		}
		finally
		{
			Probe.DisposeExit(this, entered);
		}
	}

	protected virtual void Dispose(bool disposing)
	{
		bool entered = Probe.DisposeEnter(this, disposing, <MemScope>Sites.First + 2);
		try
		{
			if (disposing)
			{
				Released++;
			}
		}
		finally
		{
			Probe.DisposeExit(this, entered);
		}
	}

	~ChainedResource()
	{
		Probe.Finalizing(this, <MemScope>Sites.First + 3);
		Dispose(disposing: false);
	}

	[CompilerGenerated]
	ref long ITrackedObject.MemScopeId()
	{
		return ref <MemScope>Id;
	}
}
