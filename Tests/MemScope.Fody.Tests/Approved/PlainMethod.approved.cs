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
			long allocatedBytesBefore = Probe.AllocatedBytes();
			List<int> list = new List<int>();
			Probe.Alloc(list, allocatedBytesBefore, <MemScope>Sites.First + 78);
			list.Add(1);
			list.Add(2);
			list.Add(3);
			Probe.Bind(list, list2, <MemScope>Sites.First + 79);
			list2 = list;
			string text = "items: " + list2.Count;
			Probe.Bind(text, text2, <MemScope>Sites.First + 80);
			text2 = text;
			return text2.Length + list2.Count;
		}
		finally
		{
			Probe.ScopeEnd(list2, <MemScope>Sites.First + 81);
			Probe.ScopeEnd(text2, <MemScope>Sites.First + 82);
		}
	}

	[Tracked]
	public static string Reassign()
	{
		string text2 = default;
		try
		{
			long allocatedBytesBefore = Probe.AllocatedBytes();
			string text = new string('a', 4);
			Probe.Alloc(text, allocatedBytesBefore, <MemScope>Sites.First + 83);
			Probe.Bind(text, text2, <MemScope>Sites.First + 85);
			text2 = text;
			allocatedBytesBefore = Probe.AllocatedBytes();
			string text3 = new string('b', 8);
			Probe.Alloc(text3, allocatedBytesBefore, <MemScope>Sites.First + 84);
			Probe.Bind(text3, text2, <MemScope>Sites.First + 86);
			text2 = text3;
			return text2;
		}
		finally
		{
			Probe.ScopeEnd(text2, <MemScope>Sites.First + 87);
		}
	}

	public static List<int> NotTrackedMethod()
	{
		return new List<int>();
	}
}
