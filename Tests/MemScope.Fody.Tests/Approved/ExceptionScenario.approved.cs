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
			long allocatedBytesBefore = Probe.AllocatedBytes();
			List<int> list = new List<int>();
			Probe.Alloc(list, allocatedBytesBefore, <MemScope>Sites.First + 37);
			Probe.Bind(list, list2, <MemScope>Sites.First + 40);
			list2 = list;
			try
			{
				int[] array = new int[4];
				Probe.AllocArray(array, sizeof(int), <MemScope>Sites.First + 38);
				Probe.Bind(array, array2, <MemScope>Sites.First + 41);
				array2 = array;
				log.Add(array2.Length);
				allocatedBytesBefore = Probe.AllocatedBytes();
				InvalidOperationException ex = new InvalidOperationException("boom");
				Probe.Alloc(ex, allocatedBytesBefore, <MemScope>Sites.First + 39);
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
			Probe.ScopeEnd(list2, <MemScope>Sites.First + 42);
			Probe.ScopeEnd(array2, <MemScope>Sites.First + 43);
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
			Probe.Bind("none", text, <MemScope>Sites.First + 46);
			text = "none";
			try
			{
				object[] array = new object[1];
				Probe.AllocArray(array, Unsafe.SizeOf<object>(), <MemScope>Sites.First + 44);
				Probe.Bind(array, array2, <MemScope>Sites.First + 47);
				array2 = array;
				string text2 = array2.Length.ToString();
				Probe.Bind(text2, text, <MemScope>Sites.First + 48);
				text = text2;
				long allocatedBytesBefore = Probe.AllocatedBytes();
				FormatException ex = new FormatException("bad");
				Probe.Alloc(ex, allocatedBytesBefore, <MemScope>Sites.First + 45);
				throw ex;
			}
			catch (FormatException ex2) when (((Func<bool>)delegate
			{
				// Could not convert BlockContainer to single expression
				Probe.Bind(ex2, ex2, <MemScope>Sites.First + 49);
				obj = ex2;
				return ex2.Message == "bad";
			}).Invoke())
			{
				string text3 = ex2.Message + "!";
				Probe.Bind(text3, text4, <MemScope>Sites.First + 50);
				text4 = text3;
				string text5 = text4;
				Probe.Bind(text5, text, <MemScope>Sites.First + 51);
				text = text5;
			}
			return text;
		}
		finally
		{
			Probe.ScopeEnd(text, <MemScope>Sites.First + 52);
			Probe.ScopeEnd(array2, <MemScope>Sites.First + 53);
			Probe.ScopeEnd(obj, <MemScope>Sites.First + 54);
			Probe.ScopeEnd(text4, <MemScope>Sites.First + 55);
		}
	}
}
