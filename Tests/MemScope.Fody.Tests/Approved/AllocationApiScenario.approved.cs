using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using MemScopeRuntime;

namespace AssemblyToProcess;

public static class AllocationApiScenario
{
	[Serializable]
	[CompilerGenerated]
	private sealed class <>c
	{
		public static readonly <>c <>9 = new <>c();

		public static SpanAction<char, char> <>9__6_0;

		internal void <CreateString>b__6_0(Span<char> span, char fill)
		{
			span.Fill(fill);
		}
	}

	[Tracked]
	public unsafe static int[] AllocateArray()
	{
		int[] array2 = default;
		try
		{
			int[] array = GC.AllocateArray<int>(10, pinned: true);
			Probe.AllocArray(array, sizeof(int), <MemScope>Sites.First + 0);
			Probe.Bind(array, array2, <MemScope>Sites.First + 1);
			array2 = array;
			return array2;
		}
		finally
		{
			Probe.ScopeEnd(array2, <MemScope>Sites.First + 2);
		}
	}

	[Tracked]
	public unsafe static byte[] AllocateUninitializedArray()
	{
		byte[] array2 = default;
		try
		{
			byte[] array = GC.AllocateUninitializedArray<byte>(4096);
			Probe.AllocArray(array, sizeof(byte), <MemScope>Sites.First + 3);
			Probe.Bind(array, array2, <MemScope>Sites.First + 4);
			array2 = array;
			return array2;
		}
		finally
		{
			Probe.ScopeEnd(array2, <MemScope>Sites.First + 5);
		}
	}

	[Tracked]
	public static Array CreateGrid()
	{
		Array array2 = default;
		try
		{
			Array array = Array.CreateInstance(typeof(long), 3, 4);
			Probe.AllocAny(array, <MemScope>Sites.First + 6);
			Probe.Bind(array, array2, <MemScope>Sites.First + 7);
			array2 = array;
			return array2;
		}
		finally
		{
			Probe.ScopeEnd(array2, <MemScope>Sites.First + 8);
		}
	}

	[Tracked]
	public static Array CreateStructArray()
	{
		Array array2 = default;
		try
		{
			Array array = Array.CreateInstance(typeof((long, int)), 5);
			Probe.AllocAny(array, <MemScope>Sites.First + 9);
			Probe.Bind(array, array2, <MemScope>Sites.First + 10);
			array2 = array;
			return array2;
		}
		finally
		{
			Probe.ScopeEnd(array2, <MemScope>Sites.First + 11);
		}
	}

	[Tracked]
	public static long[,] NewGrid()
	{
		long[,] array2 = default;
		try
		{
			long[,] array = new long[2, 3];
			Probe.AllocAny(array, <MemScope>Sites.First + 12);
			Probe.Bind(array, array2, <MemScope>Sites.First + 13);
			array2 = array;
			return array2;
		}
		finally
		{
			Probe.ScopeEnd(array2, <MemScope>Sites.First + 14);
		}
	}

	[Tracked]
	public static int[] CloneArray(int[] source)
	{
		int[] array2 = default;
		try
		{
			object obj = source.Clone();
			Probe.AllocAny(obj, <MemScope>Sites.First + 15);
			int[] array = (int[])obj;
			Probe.Bind(array, array2, <MemScope>Sites.First + 16);
			array2 = array;
			return array2;
		}
		finally
		{
			Probe.ScopeEnd(array2, <MemScope>Sites.First + 17);
		}
	}

	[Tracked]
	public static string CreateString()
	{
		string text2 = default;
		try
		{
			string text = string.Create(10, 'x', <>c.<>9__6_0 ?? (<>c.<>9__6_0 = <>c.<>9.<CreateString>b__6_0));
			Probe.AllocString(text, <MemScope>Sites.First + 18);
			Probe.Bind(text, text2, <MemScope>Sites.First + 19);
			text2 = text;
			return text2;
		}
		finally
		{
			Probe.ScopeEnd(text2, <MemScope>Sites.First + 20);
		}
	}

	[Tracked]
	public static string NewString()
	{
		string text2 = default;
		try
		{
			string text = new string('y', 7);
			Probe.AllocString(text, <MemScope>Sites.First + 21);
			Probe.Bind(text, text2, <MemScope>Sites.First + 22);
			text2 = text;
			return text2;
		}
		finally
		{
			Probe.ScopeEnd(text2, <MemScope>Sites.First + 23);
		}
	}

	[Tracked]
	public static object Uninitialized()
	{
		object obj = default;
		try
		{
			object uninitializedObject = RuntimeHelpers.GetUninitializedObject(typeof(Ticket));
			Probe.AllocAny(uninitializedObject, <MemScope>Sites.First + 24);
			Probe.Bind(uninitializedObject, obj, <MemScope>Sites.First + 25);
			obj = uninitializedObject;
			return obj;
		}
		finally
		{
			Probe.ScopeEnd(obj, <MemScope>Sites.First + 26);
		}
	}

	[Tracked]
	public static Ticket ActivatorGeneric()
	{
		Ticket ticket2 = default;
		try
		{
			Ticket ticket = Activator.CreateInstance<Ticket>();
			Probe.AllocAny(ticket, <MemScope>Sites.First + 27);
			Probe.Bind(ticket, ticket2, <MemScope>Sites.First + 28);
			ticket2 = ticket;
			return ticket2;
		}
		finally
		{
			Probe.ScopeEnd(ticket2, <MemScope>Sites.First + 29);
		}
	}

	[Tracked]
	public static object? ActivatorOfType()
	{
		object obj2 = default;
		try
		{
			object? obj = Activator.CreateInstance(typeof(Ticket));
			Probe.AllocAny(obj, <MemScope>Sites.First + 30);
			Probe.Bind(obj, obj2, <MemScope>Sites.First + 31);
			obj2 = obj;
			return obj2;
		}
		finally
		{
			Probe.ScopeEnd(obj2, <MemScope>Sites.First + 32);
		}
	}

	[Tracked]
	public static T Make<T>() where T : new()
	{
		T val2 = default;
		try
		{
			T val = new T();
			Probe.AllocAny(val, <MemScope>Sites.First + 33);
			Probe.Bind(val, val2, <MemScope>Sites.First + 34);
			val2 = val;
			return val2;
		}
		finally
		{
			Probe.ScopeEnd(val2, <MemScope>Sites.First + 35);
		}
	}

	[Tracked]
	public static (Sheep Original, Sheep Clone) CloneUntracked()
	{
		Sheep sheep2 = default;
		Sheep sheep4 = default;
		try
		{
			Sheep sheep = new Sheep("Dolly");
			Probe.Alloc(sheep, <MemScope>Sites.First + 36);
			Probe.Bind(sheep, sheep2, <MemScope>Sites.First + 37);
			sheep2 = sheep;
			Sheep sheep3 = sheep2.Copy();
			Probe.Bind(sheep3, sheep4, <MemScope>Sites.First + 38);
			sheep4 = sheep3;
			return (Original: sheep2, Clone: sheep4);
		}
		finally
		{
			Probe.ScopeEnd(sheep2, <MemScope>Sites.First + 39);
			Probe.ScopeEnd(sheep4, <MemScope>Sites.First + 40);
		}
	}

	[Tracked]
	public static (TrackedSheep Original, TrackedSheep Clone) CloneTracked()
	{
		TrackedSheep trackedSheep2 = default;
		TrackedSheep trackedSheep4 = default;
		try
		{
			TrackedSheep trackedSheep = new TrackedSheep("Dolly");
			Probe.Alloc(trackedSheep, <MemScope>Sites.First + 41);
			Probe.Bind(trackedSheep, trackedSheep2, <MemScope>Sites.First + 42);
			trackedSheep2 = trackedSheep;
			TrackedSheep trackedSheep3 = trackedSheep2.Copy();
			Probe.Bind(trackedSheep3, trackedSheep4, <MemScope>Sites.First + 43);
			trackedSheep4 = trackedSheep3;
			return (Original: trackedSheep2, Clone: trackedSheep4);
		}
		finally
		{
			Probe.ScopeEnd(trackedSheep2, <MemScope>Sites.First + 44);
			Probe.ScopeEnd(trackedSheep4, <MemScope>Sites.First + 45);
		}
	}
}
