using System.Runtime.CompilerServices;
using MemScopeRuntime;

namespace AssemblyToProcess;

[Tracked]
public struct Accumulator
{
	private int _total;

	public string Describe(int count)
	{
		string[] array2 = default;
		try
		{
			string[] array = new string[count];
			Probe.AllocArray(array, Unsafe.SizeOf<string>(), <MemScope>Sites.First + 0);
			Probe.Bind(array, array2, <MemScope>Sites.First + 1);
			array2 = array;
			for (int i = 0; i < count; i++)
			{
				array2[i] = (i + _total).ToString();
			}
			_total += count;
			return string.Join(",", array2);
		}
		finally
		{
			Probe.ScopeEnd(array2, <MemScope>Sites.First + 2);
		}
	}
}
