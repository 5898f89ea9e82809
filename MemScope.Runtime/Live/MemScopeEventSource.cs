using System.Diagnostics.Metrics;
using System.Diagnostics.Tracing;
using MemScopeRuntime.Capture;
using MemScopeRuntime.Guards;

namespace MemScopeRuntime.Live;

/// <summary>
/// The live view: an EventSource named "MemScope" with counters (`dotnet-counters monitor -n app --counters MemScope`)
/// and a Meter named "MemScope" with the same values for OpenTelemetry. Counters are read only when a listener
/// polls them (once a second for dotnet-counters); nothing here runs on the recording path.
/// </summary>
[EventSource(Name = "MemScope")]
internal sealed class MemScopeEventSource : EventSource
{
    public static readonly MemScopeEventSource Log = new();
    private static readonly Meter s_meter = CreateMeter();

    private PollingCounter? _events;
    private IncrementingPollingCounter? _eventRate;
    private PollingCounter? _dropped;
    private PollingCounter? _liveObjects;
    private PollingCounter? _nativeBytes;
    private PollingCounter? _violations;
    private PollingCounter? _bufferBytes;
    private PollingCounter? _streamed;

    private MemScopeEventSource()
    {
    }

    /// <summary>Touching this makes sure the source and the meter exist; the session calls it when it starts.</summary>
    public static void EnsureCreated() => _ = s_meter.Name;

    protected override void OnEventCommand(EventCommandEventArgs command)
    {
        if (command.Command != EventCommand.Enable || _events is not null)
            return;
        _events = new PollingCounter("events-recorded", this, () => Recorder.CountEvents() - Recorder.CountDropped()) { DisplayName = "Events recorded" };
        _eventRate = new IncrementingPollingCounter("events-per-second", this, () => Recorder.CountEvents()) { DisplayName = "Events per second", DisplayRateTimeScale = System.TimeSpan.FromSeconds(1) };
        _dropped = new PollingCounter("events-dropped", this, () => Recorder.CountDropped()) { DisplayName = "Events dropped" };
        _liveObjects = new PollingCounter("live-objects", this, () => LiveCounters.LiveObjects) { DisplayName = "Live watched objects" };
        _nativeBytes = new PollingCounter("native-bytes", this, () => NativeRegistry.Memory.LiveBytes) { DisplayName = "Live native bytes", DisplayUnits = "B" };
        _violations = new PollingCounter("violations", this, () => LiveCounters.Violations) { DisplayName = "Violations" };
        _bufferBytes = new PollingCounter("buffer-bytes", this, () => Recorder.BufferBytes) { DisplayName = "Recorder buffer", DisplayUnits = "B" };
        _streamed = new PollingCounter("events-streamed", this, () => Recorder.CountStreamed()) { DisplayName = "Events streamed to disk" };
    }

    private static Meter CreateMeter()
    {
        var meter = new Meter("MemScope");
        meter.CreateObservableCounter("memscope.events", () => Recorder.CountEvents() - Recorder.CountDropped(), "{event}", "Events recorded");
        meter.CreateObservableCounter("memscope.events.dropped", () => Recorder.CountDropped(), "{event}", "Events dropped because the buffer was full");
        meter.CreateObservableCounter("memscope.events.streamed", () => Recorder.CountStreamed(), "{event}", "Events streamed to the spill file (MEMSCOPE_STREAM)");
        meter.CreateObservableUpDownCounter("memscope.objects.live", () => LiveCounters.LiveObjects, "{object}", "Tracked objects whose collection is watched (MEMSCOPE_WATCH) and not yet seen");
        meter.CreateObservableUpDownCounter("memscope.native.live", () => NativeRegistry.Memory.LiveBytes, "By", "Native bytes tracked code holds");
        meter.CreateObservableCounter("memscope.violations", () => LiveCounters.Violations, "{violation}", "Violations detected while running");
        return meter;
    }
}
