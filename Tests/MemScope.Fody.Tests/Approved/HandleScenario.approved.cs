using System;
using System.Runtime.InteropServices;
using MemScopeRuntime;

namespace AssemblyToProcess;

public static class HandleScenario
{
	[Tracked]
	public static nint RefCounting()
	{
		FakeHandle fakeHandle2 = default;
		try
		{
			FakeHandle fakeHandle = new FakeHandle(42);
			Probe.Alloc(fakeHandle, <MemScope>Sites.First + 0);
			Probe.Bind(fakeHandle, fakeHandle2, <MemScope>Sites.First + 7);
			fakeHandle2 = fakeHandle;
			bool success = false;
			bool success2 = false;
			SafeHandle safeHandle = fakeHandle2;
			Probe.HandleAddRef(safeHandle, <MemScope>Sites.First + 1);
			safeHandle.DangerousAddRef(ref success);
			SafeHandle safeHandle2 = fakeHandle2;
			Probe.HandleAddRef(safeHandle2, <MemScope>Sites.First + 2);
			safeHandle2.DangerousAddRef(ref success2);
			SafeHandle safeHandle3 = fakeHandle2;
			Probe.HandleGet(safeHandle3, <MemScope>Sites.First + 3);
			nint result = safeHandle3.DangerousGetHandle();
			SafeHandle safeHandle4 = fakeHandle2;
			Probe.HandleRelease(safeHandle4, <MemScope>Sites.First + 4);
			safeHandle4.DangerousRelease();
			SafeHandle safeHandle5 = fakeHandle2;
			Probe.HandleRelease(safeHandle5, <MemScope>Sites.First + 5);
			safeHandle5.DangerousRelease();
			SafeHandle safeHandle6 = fakeHandle2;
			Probe.DisposeCall(safeHandle6, <MemScope>Sites.First + 6);
			safeHandle6.Dispose();
			return result;
		}
		finally
		{
			Probe.ScopeEnd(fakeHandle2, <MemScope>Sites.First + 8);
		}
	}

	[Tracked]
	public static bool UseClosedHandle()
	{
		FakeHandle fakeHandle2 = default;
		try
		{
			FakeHandle fakeHandle = new FakeHandle(7);
			Probe.Alloc(fakeHandle, <MemScope>Sites.First + 9);
			Probe.Bind(fakeHandle, fakeHandle2, <MemScope>Sites.First + 12);
			fakeHandle2 = fakeHandle;
			SafeHandle safeHandle = fakeHandle2;
			Probe.DisposeCall(safeHandle, <MemScope>Sites.First + 10);
			safeHandle.Close();
			try
			{
				bool success = false;
				SafeHandle safeHandle2 = fakeHandle2;
				Probe.HandleAddRef(safeHandle2, <MemScope>Sites.First + 11);
				safeHandle2.DangerousAddRef(ref success);
				return success;
			}
			catch (ObjectDisposedException)
			{
				return false;
			}
		}
		finally
		{
			Probe.ScopeEnd(fakeHandle2, <MemScope>Sites.First + 13);
		}
	}

	[Tracked]
	public static void ReleaseBelowZero()
	{
		FakeHandle fakeHandle2 = default;
		try
		{
			FakeHandle fakeHandle = new FakeHandle(9);
			Probe.Alloc(fakeHandle, <MemScope>Sites.First + 14);
			Probe.Bind(fakeHandle, fakeHandle2, <MemScope>Sites.First + 17);
			fakeHandle2 = fakeHandle;
			SafeHandle safeHandle = fakeHandle2;
			Probe.HandleRelease(safeHandle, <MemScope>Sites.First + 15);
			safeHandle.DangerousRelease();
			SafeHandle safeHandle2 = fakeHandle2;
			Probe.HandleSetInvalid(safeHandle2, <MemScope>Sites.First + 16);
			safeHandle2.SetHandleAsInvalid();
		}
		finally
		{
			Probe.ScopeEnd(fakeHandle2, <MemScope>Sites.First + 18);
		}
	}
}
