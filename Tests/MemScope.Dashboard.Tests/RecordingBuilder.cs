using System;
using System.Collections.Generic;
using System.Linq;
using MemScopeRuntime.Identity;
using MemScopeRuntime.Capture;
using MemScopeTrace.Model;

namespace MemScope.Dashboard.Tests;

/// <summary>Builds a Recording from hand-written events (as LifecycleAnalysisTests does), with any type names.</summary>
internal sealed class RecordingBuilder
{
    private readonly List<SiteInfo> _sites = new();
    private readonly Dictionary<int, TypeInfo> _types = new();
    private readonly List<RecordedEvent> _events = new();
    private readonly SortedSet<int> _threads = new() { 1 };

    /// <summary>Ticks per event: 1 µs at the 1 GHz timestamp frequency used here.</summary>
    public const long Step = 1000;

    public long Clock { get; set; } = Step;

    public SiteInfo Site(SiteKind kind, int line, string? name, string file = "Program.cs", string method = "Program.Main")
    {
        var site = new SiteInfo(_sites.Count + 1, kind, "App", method, file, line, 5, name, null);
        _sites.Add(site);
        return site;
    }

    public int Type(string name, bool disposable = false)
    {
        int id = _types.Count + 1;
        _types[id] = new TypeInfo(id, name, disposable, false, false, null, Array.Empty<string>(), null, 0);
        return id;
    }

    public void Add(EventKind kind, SiteInfo? site, long subject, long value = 0, int thread = 1)
    {
        _events.Add(new RecordedEvent(new TraceEvent(Clock, kind, site?.Id ?? 0, subject, value), thread));
        _threads.Add(thread);
        Clock += Step;
    }

    public void Allocate(long id, int type, SiteInfo site, long size, int thread = 1, int liveWeight = 1)
    {
        Add(EventKind.Alloc, site, id, new IdentityValue(type, size, liveWeight).Pack(), thread);
    }

    public Recording Build() => new(
        new RecordingData(_events.ToArray(), 0, _threads.Select(t => new RecordedThread(t, t == 1 ? "Main" : $"Worker{t}")).ToList()) { Types = _types, TimestampFrequency = 1_000_000_000 },
        new SiteTable(_sites), 0, DateTimeOffset.UnixEpoch, 0);
}
