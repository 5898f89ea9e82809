using System.Collections.Generic;
using MemScopeRuntime;

namespace AssemblyToProcess;

[Tracked]
public static class StaticInit
{
	private static readonly Dictionary<string, int> Table;

	static StaticInit()
	{
		Dictionary<string, int> dictionary2 = default;
		try
		{
			Dictionary<string, int> dictionary = new Dictionary<string, int>();
			Probe.Alloc(dictionary, <MemScope>Sites.First + 0);
			dictionary["one"] = 1;
			Probe.Bind(dictionary, dictionary2, <MemScope>Sites.First + 2);
			dictionary2 = dictionary;
			Dictionary<string, int> dictionary3 = dictionary2;
			object table = Table;
			Table = dictionary3;
			Probe.Bind(dictionary3, table, <MemScope>Sites.First + 1);
		}
		finally
		{
			Probe.ScopeEnd(dictionary2, <MemScope>Sites.First + 3);
		}
	}

	public static int Get(string key)
	{
		return Table[key];
	}
}
