using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using MemScopeRuntime;

namespace AssemblyToProcess;

public static class ExceptionScenario
{
	[Tracked]
	public unsafe static void ThrowsThrough(List<int> log)
	{
		List<int> list2 = default;
		int[] array2 = default;
		try
		{
			List<int> list = new List<int>();
			Probe.Alloc(list, <MemScope>Sites.First + 0);
			Probe.Bind(list, list2, <MemScope>Sites.First + 3);
			list2 = list;
			try
			{
				int[] array = new int[4];
				Probe.AllocArray(array, sizeof(int), <MemScope>Sites.First + 1);
				Probe.Bind(array, array2, <MemScope>Sites.First + 4);
				array2 = array;
				log.Add(array2.Length);
				InvalidOperationException ex = new InvalidOperationException("boom");
				Probe.Alloc(ex, <MemScope>Sites.First + 2);
				throw ex;
			}
			finally
			{
				list2.Add(1);
				log.Add(list2.Count);
			}
		}
		finally
		{
			Probe.ScopeEnd(list2, <MemScope>Sites.First + 5);
			Probe.ScopeEnd(array2, <MemScope>Sites.First + 6);
		}
	}

	[Tracked]
	public static string CatchesAndReturns()
	{
		string text = default;
		object[] array2 = default;
		FormatException obj = default;
		string text4 = default;
		try
		{
			Probe.Bind("none", text, <MemScope>Sites.First + 9);
			text = "none";
			try
			{
				object[] array = new object[1];
				Probe.AllocArray(array, Unsafe.SizeOf<object>(), <MemScope>Sites.First + 7);
				Probe.Bind(array, array2, <MemScope>Sites.First + 10);
				array2 = array;
				string text2 = array2.Length.ToString();
				Probe.Bind(text2, text, <MemScope>Sites.First + 11);
				text = text2;
				FormatException ex = new FormatException("bad");
				Probe.Alloc(ex, <MemScope>Sites.First + 8);
				throw ex;
			}
			catch (FormatException ex2) when (((Func<bool>)delegate
			{
				// Could not convert BlockContainer to single expression
				Probe.Bind(ex2, ex2, <MemScope>Sites.First + 12);
				obj = ex2;
				return ex2.Message == "bad";
			}).Invoke())
			{
				string text3 = ex2.Message + "!";
				Probe.Bind(text3, text4, <MemScope>Sites.First + 13);
				text4 = text3;
				string text5 = text4;
				Probe.Bind(text5, text, <MemScope>Sites.First + 14);
				text = text5;
			}
			return text;
		}
		finally
		{
			Probe.ScopeEnd(text, <MemScope>Sites.First + 15);
			Probe.ScopeEnd(array2, <MemScope>Sites.First + 16);
			Probe.ScopeEnd(obj, <MemScope>Sites.First + 17);
			Probe.ScopeEnd(text4, <MemScope>Sites.First + 18);
		}
	}
}
