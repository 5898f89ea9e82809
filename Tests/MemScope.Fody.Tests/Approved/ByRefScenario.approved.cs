using System.Collections.Generic;
using MemScopeRuntime;

namespace AssemblyToProcess;

public static class ByRefScenario
{
	[Tracked]
	public static int CountFound(Dictionary<string, List<int>> map, string key)
	{
		List<int> value = default;
		try
		{
			List<int> previous = value;
			bool flag = map.TryGetValue(key, out value);
			Probe.Bind(value, previous, <MemScope>Sites.First + 0);
			if (!flag)
			{
				return -1;
			}
			return value.Count;
		}
		finally
		{
			Probe.ScopeEnd(value, <MemScope>Sites.First + 1);
		}
	}

	[Tracked]
	public static string ReplacedThroughRef()
	{
		string value = default;
		try
		{
			string text = new string('a', 2);
			Probe.AllocString(text, <MemScope>Sites.First + 2);
			Probe.Bind(text, value, <MemScope>Sites.First + 3);
			value = text;
			string previous = value;
			Replace(ref value);
			Probe.Bind(value, previous, <MemScope>Sites.First + 4);
			return value;
		}
		finally
		{
			Probe.ScopeEnd(value, <MemScope>Sites.First + 5);
		}
	}

	[Tracked]
	public static string KeptThroughRef()
	{
		string value = default;
		try
		{
			string text = new string('k', 2);
			Probe.AllocString(text, <MemScope>Sites.First + 6);
			Probe.Bind(text, value, <MemScope>Sites.First + 7);
			value = text;
			string previous = value;
			Keep(ref value);
			Probe.Bind(value, previous, <MemScope>Sites.First + 8);
			return value;
		}
		finally
		{
			Probe.ScopeEnd(value, <MemScope>Sites.First + 9);
		}
	}

	private static void Replace(ref string value)
	{
		value = new string('b', 3);
	}

	private static void Keep(ref string value)
	{
		value.ToString();
	}
}
