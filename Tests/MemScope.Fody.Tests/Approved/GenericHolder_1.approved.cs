using System.Collections.Generic;
using System.Runtime.CompilerServices;
using MemScopeRuntime;

namespace AssemblyToProcess;

[Tracked]
public class GenericHolder<T>
{
	public List<T> Collect<U>(T item, U other)
	{
		List<T> list2 = default;
		U val = default;
		KeyValuePair<T, U>[] array2 = default;
		try
		{
			List<T> list = new List<T>();
			Probe.Alloc(list, <MemScope>Sites.First + 0);
			list.Add(item);
			Probe.Bind(list, list2, <MemScope>Sites.First + 2);
			list2 = list;
			Probe.Bind(other, val, <MemScope>Sites.First + 3);
			val = other;
			KeyValuePair<T, U>[] array = new KeyValuePair<T, U>[2];
			Probe.AllocArray(array, Unsafe.SizeOf<KeyValuePair<T, U>>(), <MemScope>Sites.First + 1);
			Probe.Bind(array, array2, <MemScope>Sites.First + 4);
			array2 = array;
			array2[0] = new KeyValuePair<T, U>(item, val);
			return list2;
		}
		finally
		{
			Probe.ScopeEnd(list2, <MemScope>Sites.First + 5);
			Probe.ScopeEnd(val, <MemScope>Sites.First + 6);
			Probe.ScopeEnd(array2, <MemScope>Sites.First + 7);
		}
	}
}
