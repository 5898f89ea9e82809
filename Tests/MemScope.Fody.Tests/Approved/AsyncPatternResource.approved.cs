using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using MemScopeRuntime;

namespace AssemblyToProcess;

[Tracked]
[RecordsDisposal]
public class AsyncPatternResource : IAsyncDisposable, IDisposable, ITrackedObject
{
	[CompilerGenerated]
	private sealed class <DisposeAsync>d__8 : IAsyncStateMachine
	{
		public int <>1__state;

		public AsyncValueTaskMethodBuilder <>t__builder;

		public AsyncPatternResource <>4__this;

		private ConfiguredValueTaskAwaitable.ConfiguredValueTaskAwaiter <>u__1;

		private void MoveNext()
		{
			int num = <>1__state;
			try
			{
				ConfiguredValueTaskAwaitable.ConfiguredValueTaskAwaiter awaiter;
				if (num != 0)
				{
					awaiter = <>4__this.DisposeAsyncCore().ConfigureAwait(continueOnCapturedContext: false).GetAwaiter();
					if (!awaiter.IsCompleted)
					{
						num = (<>1__state = 0);
						<>u__1 = awaiter;
						<DisposeAsync>d__8 stateMachine = this;
						<>t__builder.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
						return;
					}
				}
				else
				{
					awaiter = <>u__1;
					<>u__1 = default;
					num = (<>1__state = -1);
				}
				awaiter.GetResult();
				<>4__this.Dispose(disposing: false);
				GC.SuppressFinalize(<>4__this);
			}
			catch (Exception exception)
			{
				<>1__state = -2;
				ref AsyncValueTaskMethodBuilder reference = ref <>t__builder;
				Probe.DisposeExit(<>4__this, entered: true);
				reference.SetException(exception);
				return;
			}
			<>1__state = -2;
			ref AsyncValueTaskMethodBuilder reference2 = ref <>t__builder;
			Probe.DisposeExit(<>4__this, entered: true);
			reference2.SetResult();
		}

		void IAsyncStateMachine.MoveNext()
		{
			//ILSpy generated this explicit interface implementation from .override directive in MoveNext
			this.MoveNext();
		}

		[DebuggerHidden]
		private void SetStateMachine(IAsyncStateMachine stateMachine)
		{
		}

		void IAsyncStateMachine.SetStateMachine(IAsyncStateMachine stateMachine)
		{
			//ILSpy generated this explicit interface implementation from .override directive in SetStateMachine
			this.SetStateMachine(stateMachine);
		}
	}

	[CompilerGenerated]
	private sealed class <DisposeAsyncCore>d__10 : IAsyncStateMachine
	{
		public int <>1__state;

		public AsyncValueTaskMethodBuilder <>t__builder;

		public AsyncPatternResource <>4__this;

		private YieldAwaitable.YieldAwaiter <>u__1;

		private void MoveNext()
		{
			int num = <>1__state;
			try
			{
				YieldAwaitable.YieldAwaiter awaiter;
				if (num != 0)
				{
					awaiter = Task.Yield().GetAwaiter();
					if (!awaiter.IsCompleted)
					{
						num = (<>1__state = 0);
						<>u__1 = awaiter;
						<DisposeAsyncCore>d__10 stateMachine = this;
						<>t__builder.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
						return;
					}
				}
				else
				{
					awaiter = <>u__1;
					<>u__1 = default;
					num = (<>1__state = -1);
				}
				awaiter.GetResult();
				int releasedAsync = <>4__this.ReleasedAsync;
				<>4__this.ReleasedAsync = releasedAsync + 1;
			}
			catch (Exception exception)
			{
				<>1__state = -2;
				ref AsyncValueTaskMethodBuilder reference = ref <>t__builder;
				Probe.DisposeExit(<>4__this, entered: true);
				reference.SetException(exception);
				return;
			}
			<>1__state = -2;
			ref AsyncValueTaskMethodBuilder reference2 = ref <>t__builder;
			Probe.DisposeExit(<>4__this, entered: true);
			reference2.SetResult();
		}

		void IAsyncStateMachine.MoveNext()
		{
			//ILSpy generated this explicit interface implementation from .override directive in MoveNext
			this.MoveNext();
		}

		[DebuggerHidden]
		private void SetStateMachine(IAsyncStateMachine stateMachine)
		{
		}

		void IAsyncStateMachine.SetStateMachine(IAsyncStateMachine stateMachine)
		{
			//ILSpy generated this explicit interface implementation from .override directive in SetStateMachine
			this.SetStateMachine(stateMachine);
		}
	}

	[NonSerialized]
	[CompilerGenerated]
	[DebuggerBrowsable(DebuggerBrowsableState.Never)]
	private long <MemScope>Id;

	public int ReleasedAsync { get; private set; }

	public int Released { get; private set; }

	[AsyncStateMachine(typeof(<DisposeAsync>d__8))]
	[DebuggerStepThrough]
	public ValueTask DisposeAsync()
	{
		Probe.DisposeEnter(this, <MemScope>Sites.First + 0);
		<DisposeAsync>d__8 stateMachine = new <DisposeAsync>d__8();
		stateMachine.<>t__builder = AsyncValueTaskMethodBuilder.Create();
		stateMachine.<>4__this = this;
		stateMachine.<>1__state = -1;
		stateMachine.<>t__builder.Start(ref stateMachine);
		return stateMachine.<>t__builder.Task;
	}

	public void Dispose()
	{
		bool entered = Probe.DisposeEnter(this, <MemScope>Sites.First + 1);
		try
		{
			Dispose(disposing: true);
			GC.SuppressFinalize(this);
		}
		finally
		{
			Probe.DisposeExit(this, entered);
		}
	}

	[AsyncStateMachine(typeof(<DisposeAsyncCore>d__10))]
	[DebuggerStepThrough]
	protected virtual ValueTask DisposeAsyncCore()
	{
		Probe.DisposeEnter(this, <MemScope>Sites.First + 2);
		<DisposeAsyncCore>d__10 stateMachine = new <DisposeAsyncCore>d__10();
		stateMachine.<>t__builder = AsyncValueTaskMethodBuilder.Create();
		stateMachine.<>4__this = this;
		stateMachine.<>1__state = -1;
		stateMachine.<>t__builder.Start(ref stateMachine);
		return stateMachine.<>t__builder.Task;
	}

	protected virtual void Dispose(bool disposing)
	{
		bool entered = Probe.DisposeEnter(this, disposing, <MemScope>Sites.First + 3);
		try
		{
			if (disposing)
			{
				Released++;
			}
		}
		finally
		{
			Probe.DisposeExit(this, entered);
		}
	}

	[CompilerGenerated]
	ref long ITrackedObject.MemScopeId()
	{
		return ref <MemScope>Id;
	}
}
