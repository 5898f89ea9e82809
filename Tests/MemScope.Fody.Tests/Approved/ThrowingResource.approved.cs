using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using MemScopeRuntime;

namespace AssemblyToProcess;

[Tracked]
[RecordsDisposal]
public sealed class ThrowingResource : IDisposable, ITrackedObject
{
	[NonSerialized]
	[CompilerGenerated]
	[DebuggerBrowsable(DebuggerBrowsableState.Never)]
	private long <MemScope>Id;

	public int Attempts { get; private set; }

	public void Dispose()
	{
		string text2 = default;
		try
		{
			bool entered = Probe.DisposeEnter(this, <MemScope>Sites.First + 1);
			try
			{
				string text = "attempt " + ++Attempts;
				Probe.Bind(text, text2, <MemScope>Sites.First + 2);
				text2 = text;
				InvalidOperationException ex = new InvalidOperationException(text2);
				Probe.Alloc(ex, <MemScope>Sites.First + 0);
				throw ex;
			}
			finally
			{
				Probe.DisposeExit(this, entered);
			}
		}
		finally
		{
			Probe.ScopeEnd(text2, <MemScope>Sites.First + 3);
		}
	}

	[CompilerGenerated]
	ref long ITrackedObject.MemScopeId()
	{
		return ref <MemScope>Id;
	}
}
