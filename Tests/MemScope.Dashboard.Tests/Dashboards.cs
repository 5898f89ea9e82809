using System;
using System.Diagnostics;
using System.IO;
using MemScopeReports.Analysis;
using MemScopeReports.Analysis.Patterns;
using MemScopeReports.Export.Dashboard;
using MemScopeRuntime.Capture;
using MemScopeTrace.Model;

namespace MemScope.Dashboard.Tests;

/// <summary>Dashboards generated from hand-built recordings with known contents.</summary>
internal static class Dashboards
{
    public const string Payload = "</script><img src=x onerror=alert(1)>";

    /// <summary>The dashboard of <paramref name="recording"/>, linking to <paramref name="editor"/> (VS Code unless told, whatever MEMSCOPE_EDITOR says).</summary>
    public static string Write(Recording recording, string name, EditorLink? editor = null)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("memscope-dashboard-").FullName, DashboardFile.FileName);
        var report = LifecycleAnalysis.Analyze(recording);
        return DashboardFile.Write(recording, report, PatternAnalysis.Analyze(recording, report), name, path, editor ?? EditorLink.VsCode);
    }

    /// <summary>
    /// <paramref name="objects"/> objects of five events each (identify, alloc, bind, scope end, collect), over
    /// 20 types, 50 variables and 50 sites; every 97th object is disposed twice (a violation). Object <c>id</c> is
    /// allocated on thread <c>1 + id % threads</c>, with <c>24 + id * 37 % 4000</c> bytes (<see cref="Size"/>).
    /// </summary>
    public static Recording Synthetic(int objects, string? typeName = null, string? variable = null, int threads = 1)
    {
        var b = new RecordingBuilder();
        var types = new int[20];
        for (int t = 0; t < types.Length; t++)
            types[t] = b.Type(t == 0 && typeName is not null ? typeName : $"App.Model.Item{t}", disposable: t % 2 == 0);
        var allocs = new SiteInfo[50];
        var locals = new SiteInfo[50];
        for (int s = 0; s < allocs.Length; s++)
        {
            allocs[s] = b.Site(SiteKind.Alloc, 100 + s, s == 0 && variable is not null ? variable : $"item{s}", $"Src/Worker{s % 7}.cs", $"App.Worker{s % 7}.Run");
            locals[s] = b.Site(SiteKind.Local, 100 + s, s == 0 && variable is not null ? variable : $"item{s}", $"Src/Worker{s % 7}.cs", $"App.Worker{s % 7}.Run");
        }
        var dispose = b.Site(SiteKind.Unknown, 900, "Item.Dispose");
        for (long id = 1; id <= objects; id++)
        {
            int s = (int)(id % allocs.Length);
            b.Allocate(id, types[id % types.Length], allocs[s], Size(id), 1 + (int)(id % threads));
            b.Add(EventKind.Bind, locals[s], id);
            if (id % 97 == 0)
            {
                b.Add(EventKind.Dispose, dispose, id);
                b.Add(EventKind.DisposeAgain, dispose, id);
            }
            else
            {
                b.Add(EventKind.ScopeEnd, locals[s], id);
            }
            // Collected a little later, so the live bytes rise and fall.
            b.Add(EventKind.Collected, null, Math.Max(1, id - 3));
        }
        return b.Build();
    }

    public static long Size(long id) => 24 + (id * 37 % 4000);

    public static (string Path, TimeSpan Elapsed) Timed(Recording recording, string name)
    {
        var clock = Stopwatch.StartNew();
        string path = Write(recording, name);
        return (path, clock.Elapsed);
    }
}
