using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using MemScopeRuntime;

namespace AssemblyToProcess;

public static class IteratorScenario
{
	[CompilerGenerated]
	[RecordsDisposal]
	private sealed class <Lines>d__0 : IEnumerable<string>, IEnumerable, IEnumerator<string>, IEnumerator, IDisposable
	{
		private int <>1__state;

		private string <>2__current;

		private int <>l__initialThreadId;

		private int count;

		public int <>3__count;

		private StringBuilder <builder>5__1;

		private int <i>5__2;

		string IEnumerator<string>.Current
		{
			[DebuggerHidden]
			get
			{
				return <>2__current;
			}
		}

		object IEnumerator.Current
		{
			[DebuggerHidden]
			get
			{
				return <>2__current;
			}
		}

		[DebuggerHidden]
		public <Lines>d__0(int <>1__state)
		{
			this.<>1__state = <>1__state;
			<>l__initialThreadId = Environment.CurrentManagedThreadId;
		}

		[DebuggerHidden]
		void IDisposable.Dispose()
		{
			bool entered = Probe.DisposeEnter(this, <MemScope>Sites.First + 2);
			try
			{
				Probe.ScopeEnd(<builder>5__1, <MemScope>Sites.First + 1);
				StringBuilder stringBuilder = null;
				object previous = <builder>5__1;
				<builder>5__1 = stringBuilder;
				Probe.Bind(stringBuilder, previous, <MemScope>Sites.First + 0);
				<>1__state = -2;
			}
			finally
			{
				Probe.DisposeExit(this, entered);
			}
		}

		private bool MoveNext()
		{
			switch (<>1__state)
			{
			default:
				return false;
			case 0:
			{
				<>1__state = -1;
				StringBuilder stringBuilder = new StringBuilder();
				Probe.Alloc(stringBuilder, <MemScope>Sites.First + 3);
				StringBuilder stringBuilder2 = stringBuilder;
				object previous = <builder>5__1;
				<builder>5__1 = stringBuilder2;
				Probe.Bind(stringBuilder2, previous, <MemScope>Sites.First + 4);
				<i>5__2 = 0;
				break;
			}
			case 1:
				<>1__state = -1;
				<i>5__2++;
				break;
			}
			if (<i>5__2 < count)
			{
				<builder>5__1.Append(<i>5__2);
				<>2__current = <builder>5__1.ToString();
				<>1__state = 1;
				return true;
			}
			return false;
		}

		bool IEnumerator.MoveNext()
		{
			//ILSpy generated this explicit interface implementation from .override directive in MoveNext
			return this.MoveNext();
		}

		[DebuggerHidden]
		void IEnumerator.Reset()
		{
			NotSupportedException ex = new NotSupportedException();
			Probe.Alloc(ex, <MemScope>Sites.First + 5);
			throw ex;
		}

		[DebuggerHidden]
		IEnumerator<string> IEnumerable<string>.GetEnumerator()
		{
			<Lines>d__0 obj;
			if (<>1__state == -2 && <>l__initialThreadId == Environment.CurrentManagedThreadId)
			{
				<>1__state = 0;
				obj = this;
			}
			else
			{
				obj = new <Lines>d__0(0);
			}
			obj.count = <>3__count;
			return obj;
		}

		[DebuggerHidden]
		IEnumerator IEnumerable.GetEnumerator()
		{
			return ((IEnumerable<string>)this).GetEnumerator();
		}
	}

	[IteratorStateMachine(typeof(<Lines>d__0))]
	[Tracked]
	public static IEnumerable<string> Lines(int count)
	{
		return new <Lines>d__0(-2)
		{
			<>3__count = count
		};
	}
}
