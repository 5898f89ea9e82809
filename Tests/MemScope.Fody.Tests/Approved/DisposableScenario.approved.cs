using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MemScopeRuntime;

namespace AssemblyToProcess;

public static class DisposableScenario
{
	[CompilerGenerated]
	private sealed class <>c__DisplayClass6_0
	{
		public Connection connection;

		internal void <DisposeOnAnotherThread>b__0()
		{
			Connection connection = this.connection;
			Probe.DisposeCall(connection, <MemScope>Sites.First + 30);
			connection.Dispose();
		}
	}

	[CompilerGenerated]
	private sealed class <DisposeAsyncResource>d__4 : IAsyncStateMachine
	{
		public int <>1__state;

		public AsyncTaskMethodBuilder <>t__builder;

		private AsyncResource <resource>5__1;

		private ValueTaskAwaiter <>u__1;

		private void MoveNext()
		{
			int num = <>1__state;
			try
			{
				ValueTaskAwaiter awaiter;
				if (num != 0)
				{
					AsyncResource asyncResource = new AsyncResource();
					Probe.Alloc(asyncResource, <MemScope>Sites.First + 31);
					AsyncResource asyncResource2 = asyncResource;
					object previous = <resource>5__1;
					<resource>5__1 = asyncResource2;
					Probe.Bind(asyncResource2, previous, <MemScope>Sites.First + 32);
					AsyncResource asyncResource3 = <resource>5__1;
					Probe.DisposeCall(asyncResource3, <MemScope>Sites.First + 37);
					awaiter = asyncResource3.DisposeAsync().GetAwaiter();
					if (!awaiter.IsCompleted)
					{
						num = (<>1__state = 0);
						<>u__1 = awaiter;
						<DisposeAsyncResource>d__4 stateMachine = this;
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
			}
			catch (Exception exception)
			{
				<>1__state = -2;
				AsyncResource asyncResource4 = null;
				object previous2 = <resource>5__1;
				<resource>5__1 = asyncResource4;
				Probe.Bind(asyncResource4, previous2, <MemScope>Sites.First + 33);
				ref AsyncTaskMethodBuilder reference = ref <>t__builder;
				Probe.ScopeEnd(<resource>5__1, <MemScope>Sites.First + 35);
				reference.SetException(exception);
				return;
			}
			<>1__state = -2;
			AsyncResource asyncResource5 = null;
			object previous3 = <resource>5__1;
			<resource>5__1 = asyncResource5;
			Probe.Bind(asyncResource5, previous3, <MemScope>Sites.First + 34);
			ref AsyncTaskMethodBuilder reference2 = ref <>t__builder;
			Probe.ScopeEnd(<resource>5__1, <MemScope>Sites.First + 36);
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

	[Tracked]
	public static string DisposeTwice()
	{
		Connection connection2 = default;
		string text3 = default;
		try
		{
			Connection connection = new Connection();
			Probe.Alloc(connection, <MemScope>Sites.First + 0);
			Probe.Bind(connection, connection2, <MemScope>Sites.First + 4);
			connection2 = connection;
			Connection connection3 = connection2;
			string text = "a";
			Connection connection4 = connection3;
			Probe.CheckUse(connection4, <MemScope>Sites.First + 1);
			string text2 = connection4.Query(text);
			Probe.Bind(text2, text3, <MemScope>Sites.First + 5);
			text3 = text2;
			Connection connection5 = connection2;
			Probe.DisposeCall(connection5, <MemScope>Sites.First + 2);
			connection5.Dispose();
			Connection connection6 = connection2;
			Probe.DisposeCall(connection6, <MemScope>Sites.First + 3);
			connection6.Dispose();
			return text3;
		}
		finally
		{
			Probe.ScopeEnd(connection2, <MemScope>Sites.First + 6);
			Probe.ScopeEnd(text3, <MemScope>Sites.First + 7);
		}
	}

	[Tracked]
	public static string UseAfterDispose()
	{
		Connection connection2 = default;
		try
		{
			Connection connection = new Connection();
			Probe.Alloc(connection, <MemScope>Sites.First + 8);
			Probe.Bind(connection, connection2, <MemScope>Sites.First + 11);
			connection2 = connection;
			Connection connection3 = connection2;
			Probe.DisposeCall(connection3, <MemScope>Sites.First + 9);
			connection3.Dispose();
			Connection connection4 = connection2;
			string text = "late";
			Connection connection5 = connection4;
			Probe.CheckUse(connection5, <MemScope>Sites.First + 10);
			return connection5.Query(text);
		}
		finally
		{
			Probe.ScopeEnd(connection2, <MemScope>Sites.First + 12);
		}
	}

	[Tracked]
	public unsafe static long ForeignDisposable()
	{
		MemoryStream memoryStream2 = default;
		try
		{
			byte[] array = new byte[3];
			Probe.AllocArray(array, sizeof(byte), <MemScope>Sites.First + 13);
			RuntimeHelpers.InitializeArray(array, __ldtoken(<PrivateImplementationDetails>.039058C6F2C0CB492C533B0A4D14EF77CC0F78ABCCCED5287D84A1A2011CFB81));
			MemoryStream memoryStream = new MemoryStream(array);
			Probe.Alloc(memoryStream, <MemScope>Sites.First + 14);
			Probe.Bind(memoryStream, memoryStream2, <MemScope>Sites.First + 18);
			memoryStream2 = memoryStream;
			Stream stream = memoryStream2;
			Probe.CheckUse(stream, <MemScope>Sites.First + 15);
			long length = stream.Length;
			Stream stream2 = memoryStream2;
			Probe.DisposeCall(stream2, <MemScope>Sites.First + 16);
			stream2.Dispose();
			try
			{
				Stream stream3 = memoryStream2;
				Probe.CheckUse(stream3, <MemScope>Sites.First + 17);
				return stream3.Length;
			}
			catch (ObjectDisposedException)
			{
				return -length;
			}
		}
		finally
		{
			Probe.ScopeEnd(memoryStream2, <MemScope>Sites.First + 19);
		}
	}

	[Tracked]
	public static void UsingStatement()
	{
		CancellationTokenSource cancellationTokenSource2 = default;
		try
		{
			CancellationTokenSource cancellationTokenSource = new CancellationTokenSource();
			Probe.Alloc(cancellationTokenSource, <MemScope>Sites.First + 20);
			Probe.Bind(cancellationTokenSource, cancellationTokenSource2, <MemScope>Sites.First + 23);
			cancellationTokenSource2 = cancellationTokenSource;
			try
			{
				CancellationTokenSource cancellationTokenSource3 = cancellationTokenSource2;
				Probe.CheckUse(cancellationTokenSource3, <MemScope>Sites.First + 21);
				cancellationTokenSource3.Cancel();
			}
			finally
			{
				if (cancellationTokenSource2 != null)
				{
					IDisposable disposable = cancellationTokenSource2;
					Probe.DisposeCall(disposable, <MemScope>Sites.First + 22);
					disposable.Dispose();
				}
			}
		}
		finally
		{
			Probe.ScopeEnd(cancellationTokenSource2, <MemScope>Sites.First + 24);
		}
	}

	[AsyncStateMachine(typeof(<DisposeAsyncResource>d__4))]
	[DebuggerStepThrough]
	[Tracked]
	public static Task DisposeAsyncResource()
	{
		<DisposeAsyncResource>d__4 stateMachine = new <DisposeAsyncResource>d__4();
		stateMachine.<>t__builder = AsyncTaskMethodBuilder.Create();
		stateMachine.<>1__state = -1;
		stateMachine.<>t__builder.Start(ref stateMachine);
		return stateMachine.<>t__builder.Task;
	}

	public static void DisposeFromUntrackedCode(Connection connection)
	{
		connection.Dispose();
	}

	[Tracked]
	public static void DisposeOnAnotherThread()
	{
		Thread thread2 = default;
		try
		{
			<>c__DisplayClass6_0 obj = new <>c__DisplayClass6_0();
			Connection connection = new Connection();
			Probe.Alloc(connection, <MemScope>Sites.First + 25);
			Connection connection2 = connection;
			object previous = obj.connection;
			obj.connection = connection2;
			Probe.Bind(connection2, previous, <MemScope>Sites.First + 27);
			Thread thread = new Thread(obj.<DisposeOnAnotherThread>b__0);
			Probe.Alloc(thread, <MemScope>Sites.First + 26);
			Probe.Bind(thread, thread2, <MemScope>Sites.First + 28);
			thread2 = thread;
			thread2.Start();
			thread2.Join();
		}
		finally
		{
			Probe.ScopeEnd(thread2, <MemScope>Sites.First + 29);
		}
	}
}
