using System;
using System.Buffers;
using System.Runtime.InteropServices;
using MemScopeRuntime;

namespace AssemblyToProcess;

public static class NativeScenario
{
	[DllImport("libz.so.1", EntryPoint = "crc32")]
	private unsafe static extern nuint Crc32(nuint crc, byte* buffer, uint length);

	[DllImport("libz.so.1", EntryPoint = "compressBound", ExactSpelling = true)]
	[LibraryImport("libz.so.1", EntryPoint = "compressBound")]
	private static extern nuint CompressBound(nuint sourceLength);

	[DllImport("libc", EntryPoint = "strlen")]
	private static extern nuint StringLength(nint text);

	[Tracked]
	public static int HGlobalRoundTrip()
	{
		nint address = NativeShims.AllocHGlobal(64, <MemScope>Sites.First + 0);
		address = NativeShims.ReAllocHGlobal(address, 128, <MemScope>Sites.First + 1);
		NativeShims.FreeHGlobal(address, <MemScope>Sites.First + 2);
		return 128;
	}

	[Tracked]
	public static nint LeakHGlobal()
	{
		return NativeShims.AllocHGlobal(32, <MemScope>Sites.First + 3);
	}

	[Tracked]
	public static void DoubleFree()
	{
		nint address = NativeShims.AllocCoTaskMem(16, <MemScope>Sites.First + 4);
		NativeShims.FreeCoTaskMem(address, <MemScope>Sites.First + 5);
		NativeShims.FreeCoTaskMem(address, <MemScope>Sites.First + 6);
	}

	[Tracked]
	public unsafe static uint NativeMemoryAndZlib()
	{
		byte* ptr = (byte*)NativeShims.AllocZeroed(16u, <MemScope>Sites.First + 7);
		nint num = 0;
		uint length = 16u;
		byte* ptr2 = ptr;
		nuint crc = (nuint)num;
		Probe.PInvokePointer((nint)ptr2, 1, <MemScope>Sites.First + 11);
		long started = Probe.PInvokeEnter(<MemScope>Sites.First + 11);
		nuint num2 = Crc32(crc, ptr2, length);
		Probe.PInvokeExit(started, <MemScope>Sites.First + 11);
		nuint num3 = num2;
		NativeShims.Free(ptr, <MemScope>Sites.First + 8);
		byte* address = (byte*)NativeShims.AlignedAlloc(64u, 32u, <MemScope>Sites.First + 9);
		NativeShims.AlignedFree(address, <MemScope>Sites.First + 10);
		return (uint)num3;
	}

	[Tracked]
	public unsafe static uint UseAfterFree()
	{
		byte* ptr = (byte*)NativeShims.Alloc(8u, <MemScope>Sites.First + 12);
		NativeShims.Free(ptr, <MemScope>Sites.First + 13);
		nint num = 0;
		uint length = 4u;
		byte* ptr2 = ptr;
		nuint crc = (nuint)num;
		Probe.PInvokePointer((nint)ptr2, 1, <MemScope>Sites.First + 14);
		long started = Probe.PInvokeEnter(<MemScope>Sites.First + 14);
		nuint num2 = Crc32(crc, ptr2, length);
		Probe.PInvokeExit(started, <MemScope>Sites.First + 14);
		return (uint)num2;
	}

	[Tracked]
	public static ulong LibraryImportCall()
	{
		nuint sourceLength = 1000u;
		long started = Probe.PInvokeEnter(<MemScope>Sites.First + 15);
		nuint num = CompressBound(sourceLength);
		Probe.PInvokeExit(started, <MemScope>Sites.First + 15);
		return num;
	}

	[Tracked]
	public static ulong LibcCall()
	{
		nint num = NativeShims.StringToHGlobalAnsi("memscope", <MemScope>Sites.First + 16);
		nint num2 = num;
		Probe.PInvokePointer(num2, 0, <MemScope>Sites.First + 18);
		long started = Probe.PInvokeEnter(<MemScope>Sites.First + 18);
		nuint num3 = StringLength(num2);
		Probe.PInvokeExit(started, <MemScope>Sites.First + 18);
		ulong result = num3;
		NativeShims.FreeHGlobal(num, <MemScope>Sites.First + 17);
		return result;
	}

	[Tracked]
	public unsafe static int PinAndPool()
	{
		byte[] array2 = default;
		int[] array4 = default;
		try
		{
			byte[] array = new byte[32];
			Probe.AllocArray(array, sizeof(byte), <MemScope>Sites.First + 19);
			Probe.Bind(array, array2, <MemScope>Sites.First + 24);
			array2 = array;
			GCHandle handle = NativeShims.GCHandleAlloc(array2, GCHandleType.Pinned, <MemScope>Sites.First + 20);
			NativeShims.GCHandleFree(ref handle, <MemScope>Sites.First + 21);
			int[] array3 = NativeShims.Rent(ArrayPool<int>.Shared, 100, <MemScope>Sites.First + 22);
			Probe.Bind(array3, array4, <MemScope>Sites.First + 25);
			array4 = array3;
			int result = array4.Length;
			NativeShims.Return(ArrayPool<int>.Shared, array4, clearArray: false, <MemScope>Sites.First + 23);
			return result;
		}
		finally
		{
			Probe.ScopeEnd(array2, <MemScope>Sites.First + 26);
			Probe.ScopeEnd(array4, <MemScope>Sites.First + 27);
		}
	}

	[Tracked]
	public static void ExceptionBetweenAllocationAndFree()
	{
		nint address = NativeShims.AllocHGlobal(8, <MemScope>Sites.First + 29);
		try
		{
			InvalidOperationException ex = new InvalidOperationException("between alloc and free");
			Probe.Alloc(ex, <MemScope>Sites.First + 28);
			throw ex;
		}
		finally
		{
			NativeShims.FreeHGlobal(address, <MemScope>Sites.First + 30);
		}
	}
}
