using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using MemScopeRuntime;

namespace AssemblyToProcess;

public static class AsyncScenario
{
	[CompilerGenerated]
	private sealed class <LoadAsync>d__0 : IAsyncStateMachine
	{
		public int <>1__state;

		public AsyncTaskMethodBuilder<int> <>t__builder;

		private byte[] <buffer>5__1;

		private string <text>5__2;

		private YieldAwaitable.YieldAwaiter <>u__1;

		private TaskAwaiter <>u__2;

		private unsafe void MoveNext()
		{
			int num = <>1__state;
			int result;
			try
			{
				TaskAwaiter awaiter;
				YieldAwaitable.YieldAwaiter awaiter2;
				if (num != 0)
				{
					if (num == 1)
					{
						awaiter = <>u__2;
						<>u__2 = default;
						num = (<>1__state = -1);
						goto label0;
					}
					byte[] array = new byte[100];
					Probe.AllocArray(array, sizeof(byte), <MemScope>Sites.First + 0);
					byte[] array2 = array;
					object previous = <buffer>5__1;
					<buffer>5__1 = array2;
					Probe.Bind(array2, previous, <MemScope>Sites.First + 2);
					awaiter2 = Task.Yield().GetAwaiter();
					if (!awaiter2.IsCompleted)
					{
						num = (<>1__state = 0);
						<>u__1 = awaiter2;
						<LoadAsync>d__0 stateMachine = this;
						<>t__builder.AwaitUnsafeOnCompleted(ref awaiter2, ref stateMachine);
						return;
					}
				}
				else
				{
					awaiter2 = <>u__1;
					<>u__1 = default;
					num = (<>1__state = -1);
				}
				awaiter2.GetResult();
				string text = new string('x', 10);
				Probe.AllocString(text, <MemScope>Sites.First + 1);
				string text2 = text;
				object previous2 = <text>5__2;
				<text>5__2 = text2;
				Probe.Bind(text2, previous2, <MemScope>Sites.First + 3);
				awaiter = Task.Delay(1).GetAwaiter();
				if (!awaiter.IsCompleted)
				{
					num = (<>1__state = 1);
					<>u__2 = awaiter;
					<LoadAsync>d__0 stateMachine = this;
					<>t__builder.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
					return;
				}
				goto label0;
				label0:
				awaiter.GetResult();
				result = <buffer>5__1.Length + <text>5__2.Length;
			}
			catch (Exception exception)
			{
				<>1__state = -2;
				byte[] array3 = null;
				object previous3 = <buffer>5__1;
				<buffer>5__1 = array3;
				Probe.Bind(array3, previous3, <MemScope>Sites.First + 4);
				string text3 = null;
				object previous4 = <text>5__2;
				<text>5__2 = text3;
				Probe.Bind(text3, previous4, <MemScope>Sites.First + 5);
				ref AsyncTaskMethodBuilder<int> reference = ref <>t__builder;
				Probe.ScopeEnd(<buffer>5__1, <MemScope>Sites.First + 8);
				Probe.ScopeEnd(<text>5__2, <MemScope>Sites.First + 9);
				reference.SetException(exception);
				return;
			}
			<>1__state = -2;
			byte[] array4 = null;
			object previous5 = <buffer>5__1;
			<buffer>5__1 = array4;
			Probe.Bind(array4, previous5, <MemScope>Sites.First + 6);
			string text4 = null;
			object previous6 = <text>5__2;
			<text>5__2 = text4;
			Probe.Bind(text4, previous6, <MemScope>Sites.First + 7);
			ref AsyncTaskMethodBuilder<int> reference2 = ref <>t__builder;
			Probe.ScopeEnd(<buffer>5__1, <MemScope>Sites.First + 10);
			Probe.ScopeEnd(<text>5__2, <MemScope>Sites.First + 11);
			reference2.SetResult(result);
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

	[AsyncStateMachine(typeof(<LoadAsync>d__0))]
	[DebuggerStepThrough]
	[Tracked]
	public static Task<int> LoadAsync()
	{
		<LoadAsync>d__0 stateMachine = new <LoadAsync>d__0();
		stateMachine.<>t__builder = AsyncTaskMethodBuilder<int>.Create();
		stateMachine.<>1__state = -1;
		stateMachine.<>t__builder.Start(ref stateMachine);
		return stateMachine.<>t__builder.Task;
	}
}
