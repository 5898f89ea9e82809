using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using MemScopeRuntime;

namespace AssemblyToProcess;

[Tracked]
[RecordsDisposal]
public sealed class FlushingStream : PatternStream
{
	[CompilerGenerated]
	private sealed class <DisposeAsync>d__0 : IAsyncStateMachine
	{
		public int <>1__state;

		public AsyncValueTaskMethodBuilder <>t__builder;

		public FlushingStream <>4__this;

		private TaskAwaiter <>u__1;

		private void MoveNext()
		{
			int num = <>1__state;
			try
			{
				TaskAwaiter awaiter;
				if (num != 0)
				{
					awaiter = Task.Delay(20).GetAwaiter();
					if (!awaiter.IsCompleted)
					{
						num = (<>1__state = 0);
						<>u__1 = awaiter;
						<DisposeAsync>d__0 stateMachine = this;
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
				<>4__this.Dispose();
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

	[AsyncStateMachine(typeof(<DisposeAsync>d__0))]
	[DebuggerStepThrough]
	public override ValueTask DisposeAsync()
	{
		Probe.DisposeEnter(this, <MemScope>Sites.First + 0);
		<DisposeAsync>d__0 stateMachine = new <DisposeAsync>d__0();
		stateMachine.<>t__builder = AsyncValueTaskMethodBuilder.Create();
		stateMachine.<>4__this = this;
		stateMachine.<>1__state = -1;
		stateMachine.<>t__builder.Start(ref stateMachine);
		return stateMachine.<>t__builder.Task;
	}
}
