using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Diagnostics.Tracing;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using MemScopeRuntime;
using MemScopeRuntime.Guards;
using MemScopeRuntime.Live;
using Xunit;

namespace MemScopeRuntimeTests;

/// <summary>The live view: what dotnet-counters and OpenTelemetry read while the program runs.</summary>
public class LiveViewTests
{
    [Fact]
    public void The_MemScope_meter_reports_native_bytes_that_follow_allocation_and_free()
    {
        MemScopeEventSource.EnsureCreated();
        nint block = NativeShims.AllocHGlobal(4096, 0);
        long held = Measure("memscope.native.live");
        NativeShims.FreeHGlobal(block, 0);
        long after = Measure("memscope.native.live");

        Assert.True(held - after >= 4096, $"held {held}, after the free {after}");
        Assert.True(Measure("memscope.events") > 0);
    }

    [Fact]
    public void A_double_free_counts_as_a_violation_in_the_live_view()
    {
        MemScopeEventSource.EnsureCreated();
        long before = Measure("memscope.violations");
        nint block = NativeShims.AllocCoTaskMem(16, 0);
        NativeShims.FreeCoTaskMem(block, 0);
        NativeShims.FreeCoTaskMem(block, 0);

        Assert.True(Measure("memscope.violations") > before);
    }

    [Fact(Timeout = 30_000)]
    public async System.Threading.Tasks.Task The_MemScope_event_source_publishes_its_counters_to_a_listener()
    {
        await System.Threading.Tasks.Task.Yield();
        MemScopeEventSource.EnsureCreated();
        using var listener = new CounterListener();

        var seen = listener.WaitForCounters(new[] { "events-recorded", "native-bytes", "live-objects" }, TimeSpan.FromSeconds(20));

        Assert.Contains("events-recorded", seen);
        Assert.Contains("native-bytes", seen);
        Assert.Contains("live-objects", seen);
    }

    private static long Measure(string instrument)
    {
        long value = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) =>
        {
            if (i.Meter.Name == "MemScope" && i.Name == instrument)
                l.EnableMeasurementEvents(i);
        };
        listener.SetMeasurementEventCallback<long>((_, measurement, _, _) => value = measurement);
        listener.Start();
        listener.RecordObservableInstruments();
        return value;
    }

    private sealed class CounterListener : EventListener
    {
        private readonly ConcurrentDictionary<string, bool> _seen = new();

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "MemScope")
                EnableEvents(source, EventLevel.Verbose, EventKeywords.All, new Dictionary<string, string?> { ["EventCounterIntervalSec"] = "1" });
        }

        protected override void OnEventWritten(EventWrittenEventArgs data)
        {
            if (data.EventName != "EventCounters" || data.Payload is null)
                return;
            foreach (var payload in data.Payload.OfType<IDictionary<string, object>>())
            {
                if (payload.TryGetValue("Name", out var name) && name is string counter)
                    _seen[counter] = true;
            }
        }

        /// <summary>Each counter arrives in its own event: wait for the named ones, not for any few.</summary>
        public ICollection<string> WaitForCounters(string[] names, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (!names.All(_seen.ContainsKey) && clock.Elapsed < timeout)
                Thread.Sleep(100);
            return _seen.Keys;
        }
    }
}
