using System;
using MemScopeRuntime;

namespace AssemblyToProcess;

[Tracked]
[RecordsDisposal]
public sealed class Connection : IDisposable
{
	private bool _open = true;

	public string Query(string text)
	{
		return _open ? ("result of " + text) : "closed";
	}

	public void Dispose()
	{
		Probe.Disposing(this, <MemScope>Sites.First + 0);
		_open = false;
	}
}
