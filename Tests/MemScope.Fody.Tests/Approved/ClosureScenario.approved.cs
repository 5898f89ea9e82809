using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using MemScopeRuntime;

namespace AssemblyToProcess;

public static class ClosureScenario
{
	[CompilerGenerated]
	private sealed class <>c__DisplayClass0_0
	{
		public List<int> captured;

		internal void <Capture>b__0()
		{
			captured.Add(1);
		}

		internal List<int> <Capture>b__1()
		{
			List<int> list2 = default;
			try
			{
				List<int> list = new List<int>(captured);
				Probe.Alloc(list, <MemScope>Sites.First + 9);
				Probe.Bind(list, list2, <MemScope>Sites.First + 10);
				list2 = list;
				return list2;
			}
			finally
			{
				Probe.ScopeEnd(list2, <MemScope>Sites.First + 11);
			}
		}
	}

	[Tracked]
	public static int Capture()
	{
		Action action2 = default;
		Func<List<int>> func2 = default;
		try
		{
			<>c__DisplayClass0_0 obj = new <>c__DisplayClass0_0();
			List<int> list = new List<int>();
			Probe.Alloc(list, <MemScope>Sites.First + 0);
			List<int> list2 = list;
			object previous = obj.captured;
			obj.captured = list2;
			Probe.Bind(list2, previous, <MemScope>Sites.First + 1);
			Action action = obj.<Capture>b__0;
			Probe.Bind(action, action2, <MemScope>Sites.First + 2);
			action2 = action;
			action2();
			action2();
			Func<List<int>> func = obj.<Capture>b__1;
			Probe.Bind(func, func2, <MemScope>Sites.First + 3);
			func2 = func;
			return func2().Count;
		}
		finally
		{
			Probe.ScopeEnd(action2, <MemScope>Sites.First + 4);
			Probe.ScopeEnd(func2, <MemScope>Sites.First + 5);
		}
	}

	[Tracked]
	public static string LocalFunction()
	{
		return <LocalFunction>g__Build|1_0(3);
	}

	[CompilerGenerated]
	internal static string <LocalFunction>g__Build|1_0(int count)
	{
		StringBuilder stringBuilder2 = default;
		try
		{
			StringBuilder stringBuilder = new StringBuilder();
			Probe.Alloc(stringBuilder, <MemScope>Sites.First + 6);
			Probe.Bind(stringBuilder, stringBuilder2, <MemScope>Sites.First + 7);
			stringBuilder2 = stringBuilder;
			stringBuilder2.Append('#', count);
			return stringBuilder2.ToString();
		}
		finally
		{
			Probe.ScopeEnd(stringBuilder2, <MemScope>Sites.First + 8);
		}
	}
}
