using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using MemScopeRuntime.Identity;
using MemScopeRuntime.Capture;
using Xunit;
using MemScopeTrace.Model;

namespace MemScopeRuntimeTests;

public class ObjectIdentityTests
{
    [Fact]
    public void The_same_object_always_gets_the_same_id_and_distinct_objects_distinct_ids()
    {
        var first = new List<int>();
        var second = new List<int>();

        long id = ObjectIdentity.IdOf(first, 0);
        Assert.Equal(id, ObjectIdentity.IdOf(first, 0));
        Assert.Equal(id, ObjectIdentity.PeekId(first));
        Assert.NotEqual(id, ObjectIdentity.IdOf(second, 0));
    }

    [Fact]
    [NotTracked] // this test project is woven with TrackAll; here the object must be one MemScope never saw
    public void Peeking_at_an_object_never_seen_gives_zero_and_does_not_identify_it()
    {
        var unseen = new object();

        Assert.Equal(0, ObjectIdentity.PeekId(unseen));
        Assert.Equal(0, ObjectIdentity.PeekId(unseen));
    }

    [Fact]
    [NotTracked] // the string must not be seen at its allocation, which would identify it there
    public void Identifying_an_object_records_its_type_and_exact_size_once()
    {
        var text = new string('z', 5);

        long id = ObjectIdentity.IdOf(text, 0);
        ObjectIdentity.IdOf(text, 0);

        var identify = Recorder.Snapshot().Events.Where(e => e.Kind == EventKind.Identify && e.ObjectId == id).ToList();
        var (typeId, size, weight) = IdentityValue.Unpack(Assert.Single(identify).Value);
        Assert.Equal(1, weight);
        Assert.Equal(typeof(string), TypeRegistry.TypeOf(typeId));
        Assert.Equal(ObjectSizes.String(5), size);
        Assert.Equal(32, size); // 16 header + 4 length + 6 UTF-16 chars with the terminator, aligned to 8
    }

    [Fact]
    public void An_identified_object_that_is_collected_records_Collected()
    {
        long id = IdentifyGarbage();
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.Contains(Recorder.Snapshot().Events, e => e.Kind == EventKind.Collected && e.ObjectId == id);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long IdentifyGarbage() => ObjectIdentity.IdOf(new byte[10], 0);

    [Theory]
    [InlineData(0, 24)]
    [InlineData(1, 32)]
    [InlineData(8, 32)]
    [InlineData(9, 40)]
    public void Byte_array_sizes_follow_the_runtime_layout(int length, long expected)
    {
        Assert.Equal(expected, ObjectSizes.Array(length, 1));
        Assert.Equal(expected, ObjectSizes.ShallowSizeIfKnown(new byte[length]));
    }

    private sealed class TwoInts(int a, int b)
    {
        public int Sum => a + b;
    }

    private sealed class WithReferenceAndLong(object reference, long number)
    {
        public string Text => $"{reference}{number}";
    }

    [Fact]
    [NotTracked] // measured against the allocation counter: no probe may allocate in between
    public void The_instance_size_of_a_class_is_what_the_runtime_allocates_for_it()
    {
        Assert.Equal(Measure(() => new TwoInts(1, 2)), ObjectSizes.BaseSize(typeof(TwoInts)));
        Assert.Equal(Measure(() => new WithReferenceAndLong("x", 3)), ObjectSizes.BaseSize(typeof(WithReferenceAndLong)));
        Assert.Equal(Measure(() => new object()), ObjectSizes.BaseSize(typeof(object)));
    }

    [Fact]
    public void Sizes_that_vary_per_instance_have_no_instance_size()
    {
        Assert.Equal(0, ObjectSizes.BaseSize(typeof(string)));
        Assert.Equal(0, ObjectSizes.BaseSize(typeof(int[])));
        Assert.Equal(0, ObjectSizes.BaseSize(typeof(List<>)));
        Assert.Equal(0, ObjectSizes.BaseSize(typeof(Stream)));
    }

    [NotTracked]
    private static long Measure(Func<object> create)
    {
        create(); // warm up: the first call may allocate for the JIT
        long before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(create());
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
