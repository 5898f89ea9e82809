using System.Collections.Generic;
using System.Runtime.CompilerServices;
using MemScopeRuntime;

namespace AssemblyToProcess;

public class Cache
{
	[Tracked]
	private List<string> _entries;

	private List<string> _untracked;

	[Tracked]
	public List<int>? Numbers
	{
		get;
		[CompilerGenerated]
		set
		{
			object previous = field;
			field = value;
			Probe.Bind(value, previous, <MemScope>Sites.First + 0);
		}
	}

	public int Count => _entries.Count + _untracked.Count;

	public void Replace(string entry)
	{
		List<string> list = new List<string> { entry };
		object entries = _entries;
		_entries = list;
		Probe.Bind(list, entries, <MemScope>Sites.First + 1);
		_untracked = new List<string> { entry };
	}

	public Cache()
	{
		List<string> list = new List<string>();
		object entries = _entries;
		_entries = list;
		Probe.Bind(list, entries, <MemScope>Sites.First + 2);
		_untracked = new List<string>();
		base..ctor();
	}
}
