using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.CompilerServices;
using MemScopeRuntime;

namespace AssemblyToProcess;

[Tracked]
[RecordsDisposal]
public class PatternStream : Stream, ITrackedObject
{
	[CompilerGenerated]
	[DebuggerBrowsable(DebuggerBrowsableState.Never)]
	private readonly List<bool> <DisposeCalls>k__BackingField;

	[NonSerialized]
	[CompilerGenerated]
	[DebuggerBrowsable(DebuggerBrowsableState.Never)]
	private long <MemScope>Id;

	public List<bool> DisposeCalls
	{
		[CompilerGenerated]
		get
		{
			return <DisposeCalls>k__BackingField;
		}
	}

	public override bool CanRead => true;

	public override bool CanSeek => false;

	public override bool CanWrite => true;

	public override long Length => 0L;

	public override long Position
	{
		get
		{
			return 0L;
		}
		set
		{
		}
	}

	public override void Flush()
	{
	}

	public override int Read(byte[] buffer, int offset, int count)
	{
		return 0;
	}

	public override long Seek(long offset, SeekOrigin origin)
	{
		return 0L;
	}

	public override void SetLength(long value)
	{
	}

	public override void Write(byte[] buffer, int offset, int count)
	{
	}

	protected override void Dispose(bool disposing)
	{
		bool entered = Probe.DisposeEnter(this, disposing, <MemScope>Sites.First + 0);
		try
		{
			DisposeCalls.Add(disposing);
			base.Dispose(disposing);
		}
		finally
		{
			Probe.DisposeExit(this, entered);
		}
	}

	public PatternStream()
	{
		List<bool> list = new List<bool>();
		Probe.Alloc(list, <MemScope>Sites.First + 1);
		List<bool> list2 = list;
		object previous = <DisposeCalls>k__BackingField;
		<DisposeCalls>k__BackingField = list2;
		Probe.Bind(list2, previous, <MemScope>Sites.First + 2);
		base..ctor();
	}

	[CompilerGenerated]
	ref long ITrackedObject.MemScopeId()
	{
		return ref <MemScope>Id;
	}
}
