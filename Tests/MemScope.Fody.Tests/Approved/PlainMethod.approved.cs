using System.Collections.Generic;
using MemScopeRuntime;

namespace AssemblyToProcess;

public static class PlainMethod
{
	[Tracked]
	public static int CountItems()
	{
		List<int> list2 = default;
		string text2 = default;
		try
		{
			List<int> list = new List<int>();
			Probe.Alloc(list, <MemScope>Sites.First + 0);
			list.Add(1);
			list.Add(2);
			list.Add(3);
			Probe.Bind(list, list2, <MemScope>Sites.First + 1);
			list2 = list;
			string text = "items: " + list2.Count;
			Probe.Bind(text, text2, <MemScope>Sites.First + 2);
			text2 = text;
			return text2.Length + list2.Count;
		}
		finally
		{
			Probe.ScopeEnd(list2, <MemScope>Sites.First + 3);
			Probe.ScopeEnd(text2, <MemScope>Sites.First + 4);
		}
	}

	[Tracked]
	public static string Reassign()
	{
		string text2 = default;
		try
		{
			string text = new string('a', 4);
			Probe.AllocString(text, <MemScope>Sites.First + 5);
			Probe.Bind(text, text2, <MemScope>Sites.First + 7);
			text2 = text;
			string text3 = new string('b', 8);
			Probe.AllocString(text3, <MemScope>Sites.First + 6);
			Probe.Bind(text3, text2, <MemScope>Sites.First + 8);
			text2 = text3;
			return text2;
		}
		finally
		{
			Probe.ScopeEnd(text2, <MemScope>Sites.First + 9);
		}
	}

	public static List<int> NotTrackedMethod()
	{
		return new List<int>();
	}
}
