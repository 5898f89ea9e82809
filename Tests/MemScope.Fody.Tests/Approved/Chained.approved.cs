using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using MemScopeRuntime;

namespace AssemblyToProcess;

[Tracked]
public class Chained
{
	private readonly List<string> _names;

	[CompilerGenerated]
	[DebuggerBrowsable(DebuggerBrowsableState.Never)]
	private string <Note>k__BackingField;

	public string Note
	{
		[CompilerGenerated]
		get
		{
			return <Note>k__BackingField;
		}
		[CompilerGenerated]
		set
		{
			object previous = <Note>k__BackingField;
			<Note>k__BackingField = value;
			Probe.Bind(value, previous, <MemScope>Sites.First + 8);
		}
	}

	public int Count => _names.Count;

	public Chained()
	{
		List<string> list = new List<string>();
		Probe.Alloc(list, <MemScope>Sites.First + 0);
		list.Add("first");
		this..ctor(list);
		string text2 = default;
		try
		{
			string text = "chained to " + _names.Count;
			Probe.Bind(text, text2, <MemScope>Sites.First + 1);
			text2 = (Note = text);
		}
		finally
		{
			Probe.ScopeEnd(text2, <MemScope>Sites.First + 2);
		}
	}

	public Chained(List<string> names)
	{
		string text = "";
		object previous = <Note>k__BackingField;
		<Note>k__BackingField = text;
		Probe.Bind(text, previous, <MemScope>Sites.First + 4);
		base..ctor();
		List<string> list2 = default;
		try
		{
			List<string> list = new List<string>(names);
			Probe.Alloc(list, <MemScope>Sites.First + 3);
			Probe.Bind(list, list2, <MemScope>Sites.First + 6);
			list2 = list;
			List<string> list3 = list2;
			object names2 = _names;
			_names = list3;
			Probe.Bind(list3, names2, <MemScope>Sites.First + 5);
		}
		finally
		{
			Probe.ScopeEnd(list2, <MemScope>Sites.First + 7);
		}
	}
}
